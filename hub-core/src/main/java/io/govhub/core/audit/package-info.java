/**
 * Audit events (X-Road style {@code {event, user, reason, data}}; failures suffixed {@code _FAILED}) and the port they
 * are written through. Audit is a port, not a log line. Plain Java: no framework.
 */
package io.govhub.core.audit;
