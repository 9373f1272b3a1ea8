package io.govhub.core.audit.persistence;

import io.govhub.core.audit.MessageBodies;
import io.govhub.core.audit.MessageLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The message log in PostgreSQL ({@code message_log}). Each record holds the hash of the one before it and its own hash
 * over (previous hash, time, peer, direction, operation, correlation id, case number, body hash, stored body); writers
 * lock the head row, so records are chained in one order across all nodes. Written in the caller's transaction when
 * there is one (a rolled-back submission leaves no record), else in its own.
 */
public class JdbcMessageLog implements MessageLog {

    private static final String GENESIS = "0".repeat(64);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int maxBodyChars;

    public JdbcMessageLog(JdbcTemplate jdbc, TransactionTemplate tx, int maxBodyChars) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.maxBodyChars = maxBodyChars;
    }

    @Override
    public void record(Message m) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String bodyHash = MessageBodies.sha256(m.body());
        String stored = m.keepBody() ? MessageBodies.protect(m.body(), maxBodyChars) : null;
        String peer = cut(m.peer(), 100);
        String corr = cut(m.correlationId(), 100);
        tx.executeWithoutResult(status -> {
            String prev = jdbc.queryForObject("select last_hash from message_log_head where id = 1 for update", String.class);
            String hash = hash(prev, at, peer, m.direction().name(), m.operation(), corr, m.caseNumber(), bodyHash, stored);
            Long id = jdbc.queryForObject("insert into message_log (at, peer, direction, operation, correlation_id,"
                            + " case_number, body_hash, body, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                    Long.class, Timestamp.from(at), peer, m.direction().name(), m.operation(), corr, m.caseNumber(),
                    bodyHash, stored, prev, hash);
            jdbc.update("update message_log_head set last_id = ?, last_hash = ? where id = 1", id, hash);
        });
    }

    private static final RowMapper<Logged> ROW = (rs, i) -> new Logged(rs.getLong("id"),
            rs.getTimestamp("at").toInstant(), rs.getString("peer"), Direction.valueOf(rs.getString("direction")),
            rs.getString("operation"), rs.getString("correlation_id"), rs.getString("case_number"),
            rs.getString("body_hash"), rs.getString("body"));

    @Override
    public List<Logged> forCase(String caseNumber) {
        return jdbc.query("select * from message_log where case_number = ? order by id", ROW, caseNumber);
    }

    @Override
    public List<Logged> recent(int limit) {
        return jdbc.query("select * from message_log order by id desc limit ?", ROW, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public Verification verify() {
        long[] checked = {0};
        Long[] bad = {null};
        String[] expectedPrev = {GENESIS};
        jdbc.query("select id, at, peer, direction, operation, correlation_id, case_number, body_hash, body, prev_hash,"
                + " hash from message_log order by id", rs -> {
            if (bad[0] != null) {
                return;
            }
            String prev = rs.getString("prev_hash");
            String recomputed = hash(prev, rs.getTimestamp("at").toInstant(), rs.getString("peer"),
                    rs.getString("direction"), rs.getString("operation"), rs.getString("correlation_id"),
                    rs.getString("case_number"), rs.getString("body_hash"), rs.getString("body"));
            if (!prev.equals(expectedPrev[0]) || !recomputed.equals(rs.getString("hash"))) {
                bad[0] = rs.getLong("id");
                return;
            }
            expectedPrev[0] = recomputed;
            checked[0]++;
        });
        if (bad[0] == null) {
            String head = jdbc.queryForObject("select last_hash from message_log_head where id = 1", String.class);
            if (!expectedPrev[0].equals(head)) {
                // the newest records were removed: the head remembers a hash no record has any more
                bad[0] = jdbc.queryForObject("select last_id from message_log_head where id = 1", Long.class);
            }
        }
        return new Verification(checked[0], bad[0] == null, bad[0]);
    }

    static String hash(String prev, Instant at, String peer, String direction, String operation, String correlationId,
                       String caseNumber, String bodyHash, String body) {
        String text = String.join("\n", prev, at.toString(), peer, direction, operation, n(correlationId), n(caseNumber),
                bodyHash, body == null ? "\u0000" : body);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
