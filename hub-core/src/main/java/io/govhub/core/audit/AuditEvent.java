package io.govhub.core.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One audit event: what happened, who did it, why, and the data that identifies what it touched. Personal data goes
 * into {@code data} only masked.
 */
public record AuditEvent(String event, String user, String reason, Map<String, Object> data) {

    public AuditEvent {
        Objects.requireNonNull(event, "event");
        user = user == null ? "anonymous" : user;
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static AuditEvent of(String event, String user, String reason, Map<String, Object> data) {
        return new AuditEvent(event, user, reason, data);
    }

    /** The failure form of {@code event}: the name suffixed {@code _FAILED}. */
    public static AuditEvent failed(String event, String user, String reason, Map<String, Object> data) {
        return new AuditEvent(event + "_FAILED", user, reason, data);
    }
}
