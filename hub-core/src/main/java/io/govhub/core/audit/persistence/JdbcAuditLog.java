package io.govhub.core.audit.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govhub.core.audit.AuditChain;
import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Audit events in PostgreSQL ({@code audit_event}), chained by hash (see {@link AuditChain}); written in the caller's
 * transaction, or in one of their own. Writers lock the chain's head row, so events are chained in one order across
 * all nodes.
 */
public class JdbcAuditLog implements AuditPort {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcAuditLog(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void record(AuditEvent e) {
        String data = canonical(e.data());
        String reason = truncate(e.reason());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tx.executeWithoutResult(status -> {
            String prev = jdbc.queryForObject("select last_hash from audit_chain_head where id = 1 for update", String.class);
            String hash = AuditChain.hash(prev, at, e.event(), e.user(), reason, data);
            Long id = jdbc.queryForObject("insert into audit_event (at, event, username, reason, data, prev_hash, hash)"
                            + " values (?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id", Long.class,
                    Timestamp.from(at), e.event(), e.user(), reason, data, prev, hash);
            jdbc.update("update audit_chain_head set last_id = ?, last_hash = ? where id = 1", id, hash);
        });
    }

    @Override
    public List<RecordedAuditEvent> recent(int limit) {
        return jdbc.query("select id, at, event, username, reason, data::text from audit_event order by id desc limit ?",
                (rs, i) -> new RecordedAuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        new AuditEvent(rs.getString(3), rs.getString(4), rs.getString(5), parse(rs.getString(6)))),
                Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public AuditChain.Verification verify() {
        // one snapshot for the events and the head: an event committing meanwhile must not look like a removal
        TransactionTemplate snapshot = new TransactionTemplate(tx.getTransactionManager());
        snapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return snapshot.execute(status -> verifyInSnapshot());
    }

    private AuditChain.Verification verifyInSnapshot() {
        long[] checked = {0};
        Long[] firstInvalid = {null};
        String[] expectedPrev = {AuditChain.GENESIS};
        jdbc.query("select id, at, event, username, reason, data::text, prev_hash, hash from audit_event"
                + " where hash is not null order by id", rs -> {
            if (firstInvalid[0] != null) {
                return;
            }
            long id = rs.getLong(1);
            String prev = rs.getString(7);
            String stored = rs.getString(8);
            String recomputed = AuditChain.hash(prev, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                    rs.getString(5), canonical(parse(rs.getString(6))));
            if (!prev.equals(expectedPrev[0]) || !recomputed.equals(stored)) {
                firstInvalid[0] = id;
                return;
            }
            expectedPrev[0] = stored;
            checked[0]++;
        });
        String head = jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);
        if (firstInvalid[0] == null && !expectedPrev[0].equals(head)) {
            // the newest events were removed: the head remembers a hash no row has any more
            firstInvalid[0] = jdbc.queryForObject("select last_id from audit_chain_head where id = 1", Long.class);
        }
        Long outside = jdbc.queryForObject("select count(*) from audit_event where hash is null", Long.class);
        return new AuditChain.Verification(firstInvalid[0] == null, checked[0], firstInvalid[0], outside == null ? 0 : outside);
    }

    static String canonical(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(data));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("audit data not serialisable", ex);
        }
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
