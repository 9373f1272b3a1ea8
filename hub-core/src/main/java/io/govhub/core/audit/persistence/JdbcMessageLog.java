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
import java.util.Map;

/**
 * The message log in PostgreSQL ({@code message_log}). A record is written in the caller's transaction when there is
 * one (a rolled-back submission leaves no record), without taking any lock, so writers on every node run in
 * parallel. {@link #seal()} then links the records committed since into the chain, in one order across all nodes
 * (the head row's lock): each gets the next {@code chain_seq}, the hash of the record before it and its own hash over
 * (previous hash, time, peer, direction, operation, correlation id, case number, body hash, stored body). A sealer
 * runs every second; {@link #verify()} seals first. Until sealed (about a second) a record is outside the chain.
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
        recordAll(List.of(m));
    }

    @Override
    public void recordAll(List<Message> messages) {
        List<Object[]> rows = new java.util.ArrayList<>(messages.size());
        for (Message m : messages) {
            rows.add(values(m));
        }
        String insert = "insert into message_log (" + COLUMNS + ") values (" + PLACEHOLDERS + ")";
        if (rows.size() == 1) {
            jdbc.update(insert, rows.get(0));
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(insert, rows);
        }
    }

    /** The columns a new record fills, in the order of {@link #values} and {@link #PLACEHOLDERS}. */
    public static final String COLUMNS = "at, peer, direction, operation, correlation_id, case_number, body_hash, body";
    /** One typed placeholder per column of {@link #COLUMNS} (typed, so that they also serve in {@code insert … select}). */
    public static final String PLACEHOLDERS = "cast(? as timestamptz), cast(? as varchar), cast(? as varchar),"
            + " cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as char(64)), cast(? as text)";

    /**
     * The values of a new record for {@link #COLUMNS}, as this log stores it: the body protected and capped (or not
     * kept), the hash over the body as it crossed the boundary. For writers that put a record in a statement of
     * their own (a case's submission); the record is sealed into the chain like any other.
     */
    public Object[] values(Message m) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String stored = m.keepBody() ? MessageBodies.protect(m.body(), maxBodyChars) : null;
        return new Object[]{Timestamp.from(at), cut(m.peer(), 100), m.direction().name(), m.operation(),
                cut(m.correlationId(), 100), m.caseNumber(), MessageBodies.sha256(m.body()), stored};
    }

    /** Links the committed, unsealed records into the chain; returns how many. One sealer at a time, any node. */
    @Override
    public int seal() {
        Integer n = tx.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from message_log_head where id = 1 for update");
            long seq = ((Number) head.get("last_seq")).longValue();
            String prev = (String) head.get("last_hash");
            List<Object[]> updates = new java.util.ArrayList<>();
            long[] lastId = {0};
            long[] s = {seq};
            String[] p = {prev};
            jdbc.query("select id, at, peer, direction, operation, correlation_id, case_number, body_hash, body"
                    + " from message_log where chain_seq is null order by id limit 5000", rs -> {
                String hash = hash(p[0], rs.getTimestamp("at").toInstant(), rs.getString("peer"), rs.getString("direction"),
                        rs.getString("operation"), rs.getString("correlation_id"), rs.getString("case_number"),
                        rs.getString("body_hash"), rs.getString("body"));
                s[0]++;
                updates.add(new Object[]{s[0], p[0], hash, rs.getLong("id")});
                p[0] = hash;
                lastId[0] = rs.getLong("id");
            });
            if (updates.isEmpty()) {
                return 0;
            }
            // one statement for the round (up to 5,000 records), not one per record
            jdbc.update(c -> {
                var ps = c.prepareStatement("update message_log m set chain_seq = u.seq, prev_hash = u.prev, hash = u.hash"
                        + " from unnest(?, ?, ?, ?) as u(seq, prev, hash, id) where m.id = u.id");
                ps.setArray(1, c.createArrayOf("bigint", updates.stream().map(u -> (Long) u[0]).toArray(Long[]::new)));
                ps.setArray(2, c.createArrayOf("text", updates.stream().map(u -> (String) u[1]).toArray(String[]::new)));
                ps.setArray(3, c.createArrayOf("text", updates.stream().map(u -> (String) u[2]).toArray(String[]::new)));
                ps.setArray(4, c.createArrayOf("bigint", updates.stream().map(u -> (Long) u[3]).toArray(Long[]::new)));
                return ps;
            });
            jdbc.update("update message_log_head set last_seq = ?, last_id = ?, last_hash = ? where id = 1", s[0], lastId[0], p[0]);
            return updates.size();
        });
        return n == null ? 0 : n;
    }

    @Override
    public int archive(Instant before) {
        Integer n = tx.execute(status -> {
            jdbc.update("create temporary table if not exists archiving (id bigint) on commit drop");
            int moved = jdbc.update("insert into archiving select id from message_log where chain_seq is not null"
                    + " and at < ? order by id limit 50000", Timestamp.from(before));
            jdbc.update("insert into message_log_archive select m.* from message_log m join archiving a on a.id = m.id");
            jdbc.update("delete from message_log m using archiving a where a.id = m.id");
            return moved;
        });
        return n == null ? 0 : n;
    }

    private static final String ALL = "(select * from message_log_archive union all select * from message_log) l";

    private static final RowMapper<Logged> ROW = (rs, i) -> new Logged(rs.getLong("id"),
            rs.getTimestamp("at").toInstant(), rs.getString("peer"), Direction.valueOf(rs.getString("direction")),
            rs.getString("operation"), rs.getString("correlation_id"), rs.getString("case_number"),
            rs.getString("body_hash"), rs.getString("body"));

    @Override
    public List<Logged> forCase(String caseNumber) {
        return jdbc.query("select * from " + ALL + " where case_number = ? order by id", ROW, caseNumber);
    }

    @Override
    public List<Logged> recent(int limit) {
        return jdbc.query("select * from message_log order by id desc limit ?", ROW, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public Verification verify() {
        while (seal() == 5000) {
            // seal everything committed so far, then check the whole chain
        }
        // one snapshot for the records and the head: a seal committing meanwhile must not look like a removal
        return snapshot().execute(status -> verifyInSnapshot());
    }

    private TransactionTemplate snapshot() {
        TransactionTemplate t = new TransactionTemplate(tx.getTransactionManager());
        t.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        t.setReadOnly(true);
        return t;
    }

    private Verification verifyInSnapshot() {
        long[] checked = {0};
        Long[] bad = {null};
        String[] expectedPrev = {GENESIS};
        long[] expectedSeq = {1};
        jdbc.query("select id, at, peer, direction, operation, correlation_id, case_number, body_hash, body, chain_seq,"
                + " prev_hash, hash from " + ALL + " where chain_seq is not null order by chain_seq", rs -> {
            if (bad[0] != null) {
                return;
            }
            String prev = rs.getString("prev_hash");
            String recomputed = hash(prev, rs.getTimestamp("at").toInstant(), rs.getString("peer"),
                    rs.getString("direction"), rs.getString("operation"), rs.getString("correlation_id"),
                    rs.getString("case_number"), rs.getString("body_hash"), rs.getString("body"));
            if (rs.getLong("chain_seq") != expectedSeq[0] || !expectedPrev[0].equals(prev)
                    || !recomputed.equals(rs.getString("hash"))) {
                bad[0] = rs.getLong("id");
                return;
            }
            expectedPrev[0] = recomputed;
            expectedSeq[0]++;
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
