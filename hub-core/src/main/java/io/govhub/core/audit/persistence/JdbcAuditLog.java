package io.govhub.core.audit.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** Audit events in PostgreSQL ({@code audit_event}), written in the caller's transaction when there is one. */
public class JdbcAuditLog implements AuditPort {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    public JdbcAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEvent e) {
        try {
            jdbc.update("insert into audit_event (event, username, reason, data) values (?, ?, ?, cast(? as jsonb))",
                    e.event(), e.user(), truncate(e.reason()), JSON.writeValueAsString(e.data()));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("audit data not serialisable", ex);
        }
    }

    @Override
    public List<RecordedAuditEvent> recent(int limit) {
        return jdbc.query("select id, at, event, username, reason, data::text from audit_event order by id desc limit ?",
                (rs, i) -> new RecordedAuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        new AuditEvent(rs.getString(3), rs.getString(4), rs.getString(5), parse(rs.getString(6)))),
                Math.max(1, Math.min(limit, 1000)));
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
