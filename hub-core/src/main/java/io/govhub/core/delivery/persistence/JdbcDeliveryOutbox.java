package io.govhub.core.delivery.persistence;

import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.delivery.OutboxEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox in PostgreSQL ({@code delivery_outbox}). Claims use {@code FOR UPDATE SKIP LOCKED} and a lease
 * ({@code next_attempt_at} pushed into the future), so nodes never send one message at the same time, and a node that
 * dies mid-send only delays the message until its lease ends. A message is claimable only when no older message of
 * the same ref and partner is undelivered: messages about one case go out in order.
 * <p>
 * The claims are written so that their plan cannot depend on the table's statistics (which lag behind a queue whose
 * rows turn over hundreds of times a second): candidates come from the due index in due order, and the "oldest of its
 * ref" check is a scalar subquery, which PostgreSQL runs per candidate as an index probe on
 * {@code delivery_outbox_ref_idx}. The earlier form ({@code not exists}, ordered by id) let the planner walk the
 * primary key through every delivered row, or rescan the whole ref index per candidate: 0.25–3 s per sweep under a
 * backlog (pg_stat_statements, 2026-11-28).
 * <p>
 * A claim and a delivery's outcome are the relay's bookkeeping, which at-least-once delivery repeats when it is lost:
 * their statements switch off the synchronous commit of their own transaction ({@link #ASYNC_COMMIT}), so the commit
 * does not wait for the disk and no extra round trip does it. The outcome is one statement in all: the messages
 * marked delivered and, per kind, the effect that follows in another table (a case becomes DISPATCHED), both or
 * neither.
 */
public class JdbcDeliveryOutbox implements DeliveryOutbox {

    /**
     * A one-row relation whose evaluation switches off {@code synchronous_commit} for the rest of the current
     * transaction (the implicit one of a statement run on its own): PostgreSQL's asynchronous commit. The change is
     * visible at once and safe against a crash of this node; only a crash of the database server within a fraction
     * of a second (its {@code wal_writer_delay}) loses it. A statement joins it to set the mode without a round trip
     * of its own.
     */
    static final String ASYNC_COMMIT = "async_commit as materialized (select set_config('synchronous_commit', 'off', true))";

    /** True when {@code c} is the oldest undelivered message of its ref and partner (a probe of the ref index). */
    private static final String HEAD = "c.id = (select min(o2.id) from delivery_outbox o2 where o2.ref = c.ref"
            + " and o2.partner_id = c.partner_id and o2.status <> 'DELIVERED')";
    /** The due messages, as {@code c} (their index: {@code delivery_outbox_due_idx}). */
    private static final String DUE = " from delivery_outbox c where c.status = 'PENDING' and c.next_attempt_at <= now()";
    private static final String RETURNING = " returning o.id, o.kind, o.partner_id, o.ref, o.payload::text, o.status,"
            + " o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.delivered_at";
    private final JdbcTemplate jdbc;
    private final String deliveredStatement;

    /** An outbox whose deliveries have no effect beyond the outbox. */
    public JdbcDeliveryOutbox(JdbcTemplate jdbc) {
        this(jdbc, Map.of());
    }

    /**
     * @param effects per message kind, the statement that follows a delivery of that kind in the same statement as
     *                the outcome: given the name of a relation with a column {@code ref} (the refs of the messages
     *                of that kind just delivered), it returns an {@code update} (or {@code insert}, {@code delete})
     *                reading from it
     */
    public JdbcDeliveryOutbox(JdbcTemplate jdbc, Map<String, java.util.function.UnaryOperator<String>> effects) {
        this.jdbc = jdbc;
        StringBuilder sql = new StringBuilder("with ").append(ASYNC_COMMIT).append(", delivered as (update delivery_outbox o")
                .append(" set status = 'DELIVERED', delivered_at = now(), last_error = null from async_commit")
                .append(" where o.id = any(?) returning o.kind, o.ref)");
        int i = 0;
        // sorted by kind: the same statement text (one prepared statement) whatever order the map iterates in
        for (var e : new java.util.TreeMap<>(effects).entrySet()) {
            String refs = "delivered_" + i;
            sql.append(", ").append(refs).append(" as (select ref from delivered where kind = '")
                    .append(e.getKey().replace("'", "''")).append("'), effect_").append(i).append(" as (")
                    .append(e.getValue().apply(refs)).append(')');
            i++;
        }
        this.deliveredStatement = sql.append(" select count(*) from delivered").toString();
    }

    private static final RowMapper<OutboxEntry> ROW = (rs, i) -> new OutboxEntry(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)),
            rs.getString(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)));

    @Override
    public long enqueue(String kind, String partnerId, String ref, String payload) {
        Long id = jdbc.queryForObject("insert into delivery_outbox (kind, partner_id, ref, payload, status) values"
                + " (?, ?, ?, cast(? as jsonb), 'PENDING') returning id", Long.class, kind, partnerId, ref, payload);
        return id == null ? 0 : id;
    }

    @Override
    public void enqueueAll(String kind, String partnerId, List<String> refs, List<String> payloads) {
        if (refs.isEmpty()) {
            return;
        }
        // COPY: one stream for the list, ids assigned in list order (messages of one ref keep their order)
        io.govhub.core.shared.persistence.PgCopy.stream(jdbc, "delivery_outbox", "kind, partner_id, ref, payload, status",
                rows -> {
                    for (int i = 0; i < refs.size(); i++) {
                        rows.value(kind).value(partnerId).value(refs.get(i)).value(payloads.get(i)).value("PENDING")
                                .endRow();
                    }
                });
    }

    @Override
    public List<OutboxEntry> claimDue(int limit, Duration lease, java.util.Collection<String> skipPartners) {
        String[] skip = skipPartners.toArray(String[]::new);
        // a due message behind an older undelivered one of its ref waits a second, so that it cannot keep the head of
        // the due order (and the sweep's batch) to itself while its predecessor is in backoff
        return jdbc.query(c -> {
            var ps = c.prepareStatement("with c as materialized (select c.id, c.ref, c.partner_id" + DUE
                    + " and c.partner_id <> all(?) order by c.next_attempt_at limit ? for update skip locked),"
                    + " h as materialized (select c.id, " + HEAD + " as head from c),"
                    + " behind as (update delivery_outbox o set next_attempt_at = now() + interval '1 second' from h"
                    + " where o.id = h.id and not h.head), " + ASYNC_COMMIT
                    + " update delivery_outbox o set attempts = o.attempts + 1, next_attempt_at = now() + ?"
                    + " * interval '1 millisecond' from h, async_commit where o.id = h.id and h.head" + RETURNING);
            ps.setArray(1, c.createArrayOf("text", skip));
            ps.setInt(2, limit);
            ps.setLong(3, lease.toMillis());
            return ps;
        }, ROW);
    }

    @Override
    public List<OutboxEntry> claim(java.util.Collection<Long> ids, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // the rows are found by their ids alone (only the primary key can serve that), then checked: with the due
        // conditions in the same scan the planner may walk the due index instead, the whole backlog per claim
        Long[] wanted = ids.toArray(Long[]::new);
        return jdbc.query(c -> {
            var ps = c.prepareStatement("with c as materialized (select id, ref, partner_id, status, next_attempt_at"
                    + " from delivery_outbox where id = any(?) order by id for update skip locked), " + ASYNC_COMMIT
                    + " update delivery_outbox o set attempts = o.attempts + 1, next_attempt_at = now() + ? * interval"
                    + " '1 millisecond' from c, async_commit where o.id = c.id and c.status = 'PENDING' and c.next_attempt_at <= now()"
                    + " and " + HEAD + RETURNING);
            ps.setArray(1, c.createArrayOf("bigint", wanted));
            ps.setLong(2, lease.toMillis());
            return ps;
        }, ROW).stream().sorted(java.util.Comparator.comparingLong(OutboxEntry::id)).toList();
    }

    @Override
    public void delivered(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Long[] done = ids.toArray(Long[]::new);
        jdbc.query(c -> {
            var ps = c.prepareStatement(deliveredStatement);
            ps.setArray(1, c.createArrayOf("bigint", done));
            return ps;
        }, rs -> null);
    }

    @Override
    public void failed(long id, String error, Instant next) {
        jdbc.update("update delivery_outbox set last_error = ?, next_attempt_at = ? where id = ? and status = 'PENDING'",
                cut(error), Timestamp.from(next), id);
    }

    @Override
    public void deferred(long id, Instant next) {
        jdbc.update("update delivery_outbox set attempts = greatest(0, attempts - 1), next_attempt_at = ? where id = ?"
                + " and status = 'PENDING'", Timestamp.from(next), id);
    }

    @Override
    public void dead(long id, String error) {
        jdbc.update("update delivery_outbox set status = 'DEAD', last_error = ? where id = ?", cut(error), id);
    }

    @Override
    public List<OutboxEntry> list(String status, int limit) {
        return jdbc.query("select id, kind, partner_id, ref, payload::text, status, attempts, next_attempt_at, last_error,"
                + " created_at, delivered_at from delivery_outbox where status = ? order by id desc limit ?", ROW, status,
                Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public boolean replay(long id, String by) {
        return jdbc.update("update delivery_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now(),"
                + " replayed_by = ? where id = ? and status = 'DEAD'", by, id) == 1;
    }

    @Override
    public Latency latency(Instant since) {
        return jdbc.queryForObject("select count(*) filter (where status = 'DELIVERED'),"
                + " count(*) filter (where status = 'PENDING'),"
                + " coalesce(percentile_cont(0.5) within group (order by extract(epoch from delivered_at - created_at)), 0),"
                + " coalesce(percentile_cont(0.99) within group (order by extract(epoch from delivered_at - created_at)), 0),"
                + " coalesce(max(extract(epoch from delivered_at - created_at)), 0),"
                + " coalesce(extract(epoch from max(delivered_at) - min(created_at)), 0)"
                + " from delivery_outbox where created_at >= ?", (rs, i) -> new Latency(rs.getLong(1), rs.getLong(2),
                rs.getDouble(3) * 1000, rs.getDouble(4) * 1000, rs.getDouble(5) * 1000, rs.getDouble(6)),
                Timestamp.from(since));
    }

    @Override
    public Map<String, String> stateByRef(List<String> refs) {
        Map<String, String> m = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return m;
        }
        jdbc.query("select ref, case when bool_or(status = 'DEAD') then 'DEAD' when bool_and(status = 'DELIVERED')"
                + " then 'DELIVERED' else 'PENDING' end from delivery_outbox where ref = any (?) group by ref", rs -> {
            m.put(rs.getString(1), rs.getString(2));
        }, (Object) refs.toArray(new String[0]));
        return m;
    }

    @Override
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>(Map.of("PENDING", 0L, "DELIVERED", 0L, "DEAD", 0L));
        jdbc.query("select status, count(*) from delivery_outbox group by status", rs -> {
            m.put(rs.getString(1), rs.getLong(2));
        });
        return m;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
