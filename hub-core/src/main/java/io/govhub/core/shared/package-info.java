/**
 * What every capability of the hub shares: the one error-code hierarchy ({@link io.govhub.core.shared.ErrorCode},
 * {@link io.govhub.core.shared.GovhubException}) and bilingual messages. Plain Java: no framework.
 */
package io.govhub.core.shared;
