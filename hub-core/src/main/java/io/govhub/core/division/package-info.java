/**
 * Administrative divisions (行政区划, GB/T 2260; development zones with their statistical codes marked as such) and the
 * organisations (departments, administrative approval bureaus) that act in them. Plain Java: no framework.
 */
package io.govhub.core.division;
