/**
 * Identifiers of persons and organisations and the protection of personal data: the Unified Social Credit Code
 * (统一社会信用代码, GB 32100-2015), the organisation code (组织机构代码, GB 11714-1997), the resident ID number
 * (公民身份号码, GB 11643-1999), and the one masker ({@link io.govhub.core.identity.PersonalDataMasker}) that personal
 * data passes before it reaches a public page, an export or a log. Plain Java: no framework.
 */
package io.govhub.core.identity;
