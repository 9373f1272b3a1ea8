package io.govhub.core.credit.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.core.credit.CreditRecord;
import io.govhub.core.credit.CreditStore;
import io.govhub.core.credit.PublicityRules;
import io.govhub.core.credit.RecordType;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.Text;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Credit submissions and records in PostgreSQL; every statement binds its values. */
public class JdbcCreditStore implements CreditStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcCreditStore.class);
    private final JdbcTemplate jdbc;

    public JdbcCreditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveSubmission(Submission s, List<Map<String, String>> records) {
        jdbc.update("insert into credit_submission (id, record_type, organisation_uscc, submitted_by, channel, received_at,"
                        + " record_count) values (?, ?, ?, ?, ?, ?, ?)", UUID.fromString(s.id()), s.type().name(),
                s.organisationUscc(), s.submittedBy(), s.channel(), Timestamp.from(s.receivedAt()), s.recordCount());
        if (!records.isEmpty()) {
            addRecords(s.id(), 0, records);
        }
    }

    /** A submission's records, a row each, numbered from {@code firstIndex}. */
    private void addRecords(String submissionId, int firstIndex, List<Map<String, String>> records) {
        Integer[] idx = new Integer[records.size()];
        String[] raw = new String[records.size()];
        for (int i = 0; i < records.size(); i++) {
            idx[i] = firstIndex + i;
            raw[i] = json(records.get(i));
        }
        // one statement for the chunk: arrays unnested by the server (a statement per row costs a round trip each)
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into credit_submission_record (submission_id, idx, raw, status)"
                    + " select ?, v.idx, v.raw::jsonb, 'RECEIVED' from unnest(?::int[], ?::text[]) as v(idx, raw)");
            ps.setObject(1, UUID.fromString(submissionId));
            ps.setArray(2, c.createArrayOf("int4", idx));
            ps.setArray(3, c.createArrayOf("text", raw));
            return ps;
        });
    }

    @Override
    public Optional<Submission> submission(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.query("select id, record_type, organisation_uscc, submitted_by, channel, received_at, record_count"
                        + " from credit_submission where id = ?",
                (rs, i) -> new Submission(rs.getString(1), RecordType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7)), uuid)
                .stream().findFirst();
    }

    @Override
    public List<Submission> submissionsBy(String submittedBy, int limit) {
        return jdbc.query("select id, record_type, organisation_uscc, submitted_by, channel, received_at, record_count"
                        + " from credit_submission where submitted_by = ? order by received_at desc limit ?",
                (rs, i) -> new Submission(rs.getString(1), RecordType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7)), submittedBy, limit);
    }

    @Override
    public long submissionCount() {
        Long n = jdbc.queryForObject("select count(*) from credit_submission", Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public List<SubmittedRecord> outcomePage(String submissionId, int afterIndex, int limit) {
        // a record's outcome is its own row (a request's records, a file's rejected ones) or its letter in its chunk's
        // row (a file's other records; the chunks that overlap the page, spread out); a record with neither waits
        long from = Math.max(afterIndex, -1) + 1L;
        long to = from + limit - 1;
        UUID id = UUID.fromString(submissionId);
        return jdbc.query("select g.idx, coalesce(r.status, case o.letter when 'A' then 'ACCEPTED' when 'U' then 'UPDATED'"
                        + " when 'D' then 'DUPLICATE' end, 'RECEIVED'), r.problems::text, coalesce(r.record_id, o.record_id)"
                        + " from credit_submission s cross join lateral generate_series(?, least(s.record_count - 1, ?)) g(idx)"
                        + " left join credit_submission_record r on r.submission_id = s.id and r.idx = g.idx"
                        + " left join (select k.first_idx + u.n - 1 as idx, u.letter, u.record_id from credit_submission_chunk k"
                        + " cross join lateral unnest(string_to_array(k.statuses, null), k.record_ids) with ordinality"
                        + " u(letter, record_id, n) where k.submission_id = ? and k.first_idx <= ?"
                        + " and k.first_idx + length(k.statuses) > ?) o on o.idx = g.idx and o.letter <> 'R'"
                        + " where s.id = ? order by g.idx",
                (rs, i) -> new SubmittedRecord(rs.getInt(1), Map.of(), RecordStatus.valueOf(rs.getString(2)),
                        readProblems(rs.getString(3)), (Long) rs.getObject(4)),
                from, to, id, to, from, id);
    }

    @Override
    public Map<RecordStatus, Integer> statusCounts(String submissionId) {
        Map<RecordStatus, Integer> counts = new java.util.EnumMap<>(RecordStatus.class);
        int[] total = {0};
        int[] records = {0};
        // one query: the outcome rows by status, and the submission's record count (a record without a row waits)
        // (and a file's chunks: their accepted, updated and duplicate records; the rejected ones have rows)
        jdbc.query("select s.record_count, r.status, count(r.status) from credit_submission s left join"
                + " credit_submission_record r on r.submission_id = s.id where s.id = ? group by s.record_count, r.status"
                + " union all select null, x.status, sum(length(k.statuses) - length(replace(k.statuses, x.letter, '')))"
                + " from credit_submission_chunk k cross join (values ('A', 'ACCEPTED'), ('U', 'UPDATED'),"
                + " ('D', 'DUPLICATE')) x(letter, status) where k.submission_id = ? group by x.status",
                rs -> {
                    if (rs.getObject(1) != null) {
                        records[0] = rs.getInt(1);
                    }
                    if (rs.getString(2) != null && rs.getInt(3) > 0) {
                        counts.merge(RecordStatus.valueOf(rs.getString(2)), rs.getInt(3), Integer::sum);
                        total[0] += rs.getInt(3);
                    }
                }, UUID.fromString(submissionId), UUID.fromString(submissionId));
        if (records[0] > total[0]) {
            counts.merge(RecordStatus.RECEIVED, records[0] - total[0], Integer::sum);
        }
        return counts;
    }

    @Override
    public void saveFile(String submissionId, String fileName, String charset) {
        jdbc.update("update credit_submission set file_name = ?, file_charset = ?, processed_count = 0 where id = ?",
                fileName, charset, UUID.fromString(submissionId));
    }

    @Override
    public void addFilePart(String submissionId, int part, byte[] bytes, int length) {
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into credit_submission_file (submission_id, part, bytes) values (?, ?, ?)");
            ps.setObject(1, UUID.fromString(submissionId));
            ps.setInt(2, part);
            ps.setBinaryStream(3, new java.io.ByteArrayInputStream(bytes, 0, length), length);
            return ps;
        });
    }

    @Override
    public Optional<StoredFile> storedFile(String submissionId) {
        return jdbc.query("select file_name, file_charset, processed_count from credit_submission where id = ?"
                        + " and file_name is not null",
                (rs, i) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getInt(3)), UUID.fromString(submissionId))
                .stream().findFirst();
    }

    @Override
    public java.io.InputStream openFile(String submissionId) {
        UUID id = UUID.fromString(submissionId);
        return new java.io.InputStream() {
            private byte[] part = new byte[0];
            private int at;
            private int next;
            private boolean end;

            private boolean fill() {
                while (!end && at == part.length) {
                    List<byte[]> found = jdbc.query("select bytes from credit_submission_file where submission_id = ?"
                            + " and part = ?", (rs, i) -> rs.getBytes(1), id, next);
                    if (found.isEmpty()) {
                        end = true;
                    } else {
                        part = found.get(0);
                        at = 0;
                        next++;
                    }
                }
                return !end || at < part.length;
            }

            @Override
            public int read() {
                return fill() && at < part.length ? part[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill() || at == part.length) {
                    return -1;
                }
                int n = Math.min(len, part.length - at);
                System.arraycopy(part, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Override
    public Optional<Integer> lockProgress(String submissionId) {
        // for no key update: a chunk in flight holds a key-share lock on the submission (its outcomes' foreign key)
        return jdbc.queryForList("select processed_count from credit_submission where id = ? and processed_count"
                + " is not null for no key update skip locked", Integer.class, UUID.fromString(submissionId))
                .stream().findFirst();
    }

    @Override
    public String decisionKeyGeneration() {
        return String.valueOf(jdbc.queryForObject("select generation from credit_decision_key_generation", Long.class));
    }

    @Override
    public void newDecisionKeyGeneration() {
        jdbc.update("update credit_decision_key_generation set generation = generation + 1, started_at = now()");
    }

    @Override
    public List<String> processedFiles(Instant receivedBefore) {
        return jdbc.queryForList("select id::text from credit_submission s where file_name is not null and received_at < ?"
                + " and processed_count >= record_count and exists (select 1 from credit_submission_file f"
                + " where f.submission_id = s.id)", String.class, Timestamp.from(receivedBefore));
    }

    @Override
    public int deleteFileParts(String submissionId, int parts) {
        UUID id = UUID.fromString(submissionId);
        return jdbc.update("delete from credit_submission_file where submission_id = ? and part in (select part from"
                + " credit_submission_file where submission_id = ? order by part limit ?)", id, id, parts);
    }

    /** The first key of the session locks on file submissions ('cred'): apart from any other advisory lock. */
    private static final int FILE_LEASE_LOCKS = 0x63726564;

    @Override
    public Optional<FileLease> leaseFile(String submissionId, java.time.Duration takeOverAfter) {
        UUID id = UUID.fromString(submissionId);
        int key = Long.hashCode(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
        java.sql.Connection c = null;
        try {
            c = java.util.Objects.requireNonNull(jdbc.getDataSource()).getConnection();
            c.setAutoCommit(true); // a session lock, outside any transaction
            if (!sessionLock(c, "select pg_try_advisory_lock(?, ?)", key)
                    && !(stale(c, id, takeOverAfter) && takeOver(c, key))) {
                c.close();
                return Optional.empty();
            }
            java.sql.Connection held = c;
            return Optional.of(() -> {
                try (held) {
                    sessionLock(held, "select pg_advisory_unlock(?, ?)", key);
                } catch (java.sql.SQLException e) {
                    // the lock may still be held by the session: end the session instead of pooling it
                    try {
                        held.abort(Runnable::run);
                    } catch (java.sql.SQLException ignored) {
                        // the connection is gone already: so is its lock
                    }
                }
            });
        } catch (java.sql.SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (java.sql.SQLException ignored) {
                    // the failure below says what went wrong
                }
            }
            throw new org.springframework.dao.DataAccessResourceFailureException("file lease of " + submissionId, e);
        }
    }

    /** Whether the file's progress (or, before its first chunk, its receipt) is older than {@code after}. */
    private static boolean stale(java.sql.Connection c, UUID id, java.time.Duration after) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("select coalesce(progress_at, received_at) < now() - ? * interval '1 millisecond'"
                + " from credit_submission where id = ?")) {
            ps.setLong(1, after.toMillis());
            ps.setObject(2, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Ends the session that holds a file's lease without progress (a node that hangs: its transactions roll back, and
     * if it wakes up, its next chunk finds the progress moved and stops), then takes the lease, waiting up to 10 s for
     * the session to end.
     */
    private static boolean takeOver(java.sql.Connection c, int key) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                + " and classid = ?::int4::oid and objid = ?::int4::oid and objsubid = 2 and granted")) {
            ps.setInt(1, FILE_LEASE_LOCKS);
            ps.setInt(2, key);
            ps.executeQuery().close();
        }
        LOG.warn("Credit file lease {} taken over: its holder made no progress", key);
        for (int i = 0; i < 100; i++) {
            if (sessionLock(c, "select pg_try_advisory_lock(?, ?)", key)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean sessionLock(java.sql.Connection c, String sql, int key) throws java.sql.SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setInt(1, FILE_LEASE_LOCKS);
            ps.setInt(2, key);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public void setProgress(String submissionId, int processed) {
        jdbc.update("update credit_submission set processed_count = ?, progress_at = now() where id = ?", processed,
                UUID.fromString(submissionId));
    }

    @Override
    public void insertOutcomes(String submissionId, List<Outcome> outcomes, Map<Integer, Map<String, String>> rejectedRaw) {
        if (outcomes.isEmpty()) {
            return;
        }
        // one row for the chunk (a letter and a record id per record) and one per rejected record, with its problems
        int first = outcomes.stream().mapToInt(Outcome::index).min().getAsInt();
        char[] statuses = new char[outcomes.size()];
        Long[] recordIds = new Long[outcomes.size()];
        List<Outcome> rejected = new ArrayList<>();
        for (Outcome o : outcomes) {
            int at = o.index() - first;
            if (at >= statuses.length || statuses[at] != 0) {
                throw new IllegalArgumentException("a chunk's outcomes are of consecutive records, each once");
            }
            statuses[at] = switch (o.status()) {
                case ACCEPTED -> 'A';
                case UPDATED -> 'U';
                case DUPLICATE -> 'D';
                case REJECTED -> 'R';
                case RECEIVED -> throw new IllegalArgumentException("an outcome, not a waiting record");
            };
            recordIds[at] = o.recordId();
            if (o.status() == RecordStatus.REJECTED) {
                rejected.add(o);
            }
        }
        UUID id = UUID.fromString(submissionId);
        // stamped with the database's time of the transaction, as every other outcome (not this node's clock)
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into credit_submission_chunk (submission_id, first_idx, statuses,"
                    + " record_ids, processed_at) values (?, ?, ?, ?, now())");
            ps.setObject(1, id);
            ps.setInt(2, first);
            ps.setString(3, new String(statuses));
            ps.setArray(4, c.createArrayOf("int8", recordIds));
            return ps;
        });
        if (!rejected.isEmpty()) {
            jdbc.batchUpdate("insert into credit_submission_record (submission_id, idx, raw, status, problems, processed_at)"
                    + " values (?, ?, cast(? as jsonb), 'REJECTED', cast(? as jsonb), now())", rejected.stream()
                    .map(o -> new Object[] {id, o.index(), rejectedRaw.containsKey(o.index()) ? json(rejectedRaw.get(o.index()))
                            : null, json(problemsJson(o.problems()))}).toList());
        }
    }

    private static final String INSERT_COLUMNS = "record_type, natural_key, authority_uscc, document_number,"
            + " subject_public, decision_date, due_date, published_at, on_time, late_working_days, publicity_end,"
            + " publicity_flag, publicity_rules, public, fields, public_fields, content_hash";

    @Override
    public Upsert upsert(NewRecord n) {
        CreditRecord r = n.record();
        List<Map<String, Object>> existing = jdbc.queryForList(
                "select id, content_hash, version, fields::text from credit_record where natural_key = ? for update",
                n.naturalKey());
        if (existing.isEmpty()) {
            PublicityRules.Period publicity = n.publicity();
            List<Long> ids = jdbc.queryForList("insert into credit_record (" + INSERT_COLUMNS + ") values (?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)"
                            + " on conflict (natural_key) do nothing returning id",
                    Long.class, r.type().name(), n.naturalKey(), r.authorityUscc(), r.documentNumber(), n.subjectPublic(),
                    Date.valueOf(r.decisionDate()), n.dueDate() == null ? null : Date.valueOf(n.dueDate()),
                    Timestamp.from(n.publishedAt()), n.lateWorkingDays() == null ? null : n.lateWorkingDays() == 0,
                    n.lateWorkingDays(), publicity.end() == null ? null : Date.valueOf(publicity.end()), publicity.flag(),
                    publicity.rulesVersion(), publicity.published(), n.fieldsJson(), n.publicFieldsJson(),
                    n.contentHash());
            if (ids.isEmpty()) {
                // another node stored the same decision meanwhile: compare with that one
                return upsert(n);
            }
            return new Upsert(ids.get(0), RecordStatus.ACCEPTED);
        }
        Map<String, Object> row = existing.get(0);
        Current current = new Current(((Number) row.get("id")).longValue(), (String) row.get("content_hash"),
                ((Number) row.get("version")).intValue(), (String) row.get("fields"));
        if (n.contentHash().equals(current.hash)) {
            return new Upsert(current.id, RecordStatus.DUPLICATE);
        }
        List<Object[]> history = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        change(current, n, history, updates);
        writeChanges(history, updates);
        return new Upsert(current.id, RecordStatus.UPDATED);
    }

    /** The stored state of a decision while a list is being stored. */
    private static final class Current {
        final long id;
        String hash;
        int version;
        String fields;

        Current(long id, String hash, int version, String fields) {
            this.id = id;
            this.hash = hash;
            this.version = version;
            this.fields = fields;
        }
    }

    /** Adds the history row and the update that make {@code n} the current version of {@code c}. */
    private static void change(Current c, NewRecord n, List<Object[]> history, List<Object[]> updates) {
        CreditRecord r = n.record();
        PublicityRules.Period publicity = n.publicity();
        history.add(new Object[] {c.id, c.version, c.fields, c.hash});
        String fields = n.fieldsJson();
        updates.add(new Object[] {n.subjectPublic(), Date.valueOf(r.decisionDate()), fields, n.publicFieldsJson(),
                n.contentHash(), publicity.end() == null ? null : Date.valueOf(publicity.end()), publicity.flag(),
                publicity.rulesVersion(), publicity.published(), c.version + 1, c.id});
        c.version++;
        c.hash = n.contentHash();
        c.fields = fields;
    }

    private void writeChanges(List<Object[]> history, List<Object[]> updates) {
        if (history.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into credit_record_history (record_id, version, fields, content_hash) values (?, ?,"
                + " cast(? as jsonb), ?)", history);
        jdbc.batchUpdate("update credit_record set subject_public = ?, decision_date = ?, fields = cast(? as jsonb),"
                + " public_fields = cast(? as jsonb), content_hash = ?, publicity_end = ?, publicity_flag = ?,"
                + " publicity_rules = ?, public = ?, version = ?, updated_at = now() where id = ?", updates);
    }

    @Override
    public List<Upsert> upsertAll(List<NewRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        if (records.size() == 1) {
            return List.of(upsert(records.get(0))); // safe against a concurrent insert of the same decision
        }
        Map<String, Current> current = new java.util.HashMap<>();
        List<String> naturalKeys = records.stream().map(NewRecord::naturalKey).toList();
        String[] keys = naturalKeys.stream().distinct().toArray(String[]::new);
        jdbc.query(c -> {
            var ps = c.prepareStatement("select natural_key, id, content_hash, version, fields::text from credit_record"
                    + " where natural_key = any(?) for update");
            ps.setArray(1, c.createArrayOf("text", keys));
            return ps;
        }, rs -> {
            current.put(rs.getString(1), new Current(rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
        });
        long newOnes = java.util.Arrays.stream(keys).filter(k -> !current.containsKey(k)).count();
        java.util.Iterator<Long> ids = jdbc.queryForList("select nextval(pg_get_serial_sequence('credit_record', 'id'))"
                + " from generate_series(1, ?)", Long.class, newOnes).iterator();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Upsert> result = new ArrayList<>(records.size());
        try {
            // COPY: the chunk's new records streamed as they are written (a unique-key clash with another
            // transaction still raises)
            io.govhub.core.shared.persistence.PgCopy.stream(jdbc, "credit_record", "id, " + INSERT_COLUMNS, inserts -> {
                for (int i = 0; i < records.size(); i++) {
                    NewRecord n = records.get(i);
                    CreditRecord r = n.record();
                    String naturalKey = naturalKeys.get(i);
                    Current c = current.get(naturalKey);
                    if (c == null) {
                        long id = ids.next();
                        PublicityRules.Period p = n.publicity();
                        inserts.value(id).value(r.type().name()).value(naturalKey).value(r.authorityUscc())
                                .value(r.documentNumber()).value(n.subjectPublic()).value(r.decisionDate())
                                .value(n.dueDate()).value(n.publishedAt())
                                .value(n.lateWorkingDays() == null ? null : n.lateWorkingDays() == 0)
                                .value(n.lateWorkingDays()).value(p.end()).value(p.flag()).value(p.rulesVersion())
                                .value(p.published()).value(n.fieldsJson()).value(n.publicFieldsJson())
                                .value(n.contentHash()).endRow();
                        current.put(naturalKey, new Current(id, n.contentHash(), 1, n.fieldsJson()));
                        result.add(new Upsert(id, RecordStatus.ACCEPTED));
                    } else if (c.hash.equals(n.contentHash())) {
                        result.add(new Upsert(c.id, RecordStatus.DUPLICATE));
                    } else {
                        change(c, n, history, updates);
                        result.add(new Upsert(c.id, RecordStatus.UPDATED));
                    }
                }
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConcurrentDecisionException(e);
        }
        writeChanges(history, updates);
        return result;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public void outcome(String submissionId, int index, RecordStatus status, List<FieldProblem> problems, Long recordId) {
        outcomes(submissionId, List.of(new Outcome(index, status, problems, recordId)));
    }

    private static List<Map<String, String>> problemsJson(List<FieldProblem> problems) {
        return problems.stream().map(x -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", x.field());
            m.put("code", x.code());
            m.put("message", x.message().bilingual());
            return m;
        }).toList();
    }

    @Override
    public void outcomes(String submissionId, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Integer[] idx = new Integer[outcomes.size()];
        String[] status = new String[outcomes.size()];
        String[] problems = new String[outcomes.size()];
        String[] recordIds = new String[outcomes.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            idx[i] = o.index();
            status[i] = o.status().name();
            problems[i] = o.problems().isEmpty() ? null : json(problemsJson(o.problems()));
            recordIds[i] = text(o.recordId());
        }
        jdbc.update(c -> {
            var ps = c.prepareStatement("update credit_submission_record r set status = v.status, problems = v.problems::jsonb,"
                    + " record_id = v.record_id::bigint, processed_at = now() from unnest(?::int[], ?::text[], ?::text[],"
                    + " ?::text[]) as v(idx, status, problems, record_id) where r.submission_id = ? and r.idx = v.idx");
            ps.setArray(1, c.createArrayOf("int4", idx));
            ps.setArray(2, c.createArrayOf("text", status));
            ps.setArray(3, c.createArrayOf("text", problems));
            ps.setArray(4, c.createArrayOf("text", recordIds));
            ps.setObject(5, UUID.fromString(submissionId));
            return ps;
        });
    }

    @Override
    public List<SubmittedRecord> claimWaiting(String submissionId, int afterIndex, int limit) {
        return jdbc.query("select idx, raw::text from credit_submission_record where submission_id = ? and status = 'RECEIVED'"
                        + " and idx > ? order by idx limit ? for update skip locked",
                (rs, i) -> new SubmittedRecord(rs.getInt(1), readMap(rs.getString(2)), RecordStatus.RECEIVED, List.of(), null),
                UUID.fromString(submissionId), afterIndex, limit);
    }

    @Override
    public List<PublicRecord> search(PublicQuery q) {
        StringBuilder sql = new StringBuilder("select id, record_type, subject_public, document_number, authority_uscc,"
                + " decision_date, publicity_end, coalesce(public_fields, fields)::text from credit_record"
                + " where public and revoked_at is null and (publicity_end is null or publicity_end >= ?)");
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(q.asOf()));
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" and (strpos(subject_public, ?) > 0 or strpos(document_number, ?) > 0"
                    + " or coalesce(public_fields, fields) ->> (case when record_type = 'PERMIT' then 'XK_XDR_SHXYM' else 'CF_XDR_SHXYM' end) = ?)");
            String t = q.text().strip();
            args.add(t);
            args.add(t);
            args.add(t.toUpperCase(java.util.Locale.ROOT));
        }
        if (q.type() != null) {
            sql.append(" and record_type = ?");
            args.add(q.type().name());
        }
        if (q.authorityUscc() != null) {
            sql.append(" and authority_uscc = ?");
            args.add(q.authorityUscc());
        }
        if (q.from() != null) {
            sql.append(" and decision_date >= ?");
            args.add(Date.valueOf(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and decision_date <= ?");
            args.add(Date.valueOf(q.to()));
        }
        sql.append(" order by decision_date desc, id desc limit ? offset ?");
        args.add(q.size());
        args.add((long) q.page() * q.size());
        return jdbc.query(sql.toString(), (rs, i) -> new PublicRecord(rs.getLong(1), RecordType.valueOf(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(),
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), readMap(rs.getString(8))), args.toArray());
    }

    @Override
    public List<AtRisk> atRisk(java.time.Instant since) {
        List<AtRisk> out = new ArrayList<>();
        jdbc.query("select distinct on (s.record_type, r.raw ->> auth.f, r.raw ->> doc.f) s.record_type, r.raw ->> auth.f,"
                + " r.raw ->> doc.f, r.raw ->> jd.f, s.id from credit_submission_record r"
                + " join credit_submission s on s.id = r.submission_id"
                + " cross join lateral (select case when s.record_type = 'PERMIT' then 'XK_XKJGDM' else 'CF_CFJGDM' end) auth(f)"
                + " cross join lateral (select case when s.record_type = 'PERMIT' then 'XK_WSH' else 'CF_WSH' end) doc(f)"
                + " cross join lateral (select case when s.record_type = 'PERMIT' then 'XK_JDRQ' else 'CF_JDRQ' end) jd(f)"
                + " where r.status = 'REJECTED' and s.received_at >= ? and coalesce(r.raw ->> doc.f, '') <> ''"
                + " and not exists (select 1 from credit_record c where c.natural_key = (case when s.record_type = 'PERMIT'"
                + " then 'XK' else 'CF' end) || '|' || coalesce(r.raw ->> auth.f, '') || '|' || (r.raw ->> doc.f))"
                + " order by s.record_type, r.raw ->> auth.f, r.raw ->> doc.f, s.received_at desc", rs -> {
            LocalDate decided;
            try {
                decided = rs.getString(4) == null ? null : LocalDate.parse(rs.getString(4).strip());
            } catch (java.time.format.DateTimeParseException e) {
                decided = null;
            }
            out.add(new AtRisk("REJECTED_NOT_RESUBMITTED", RecordType.valueOf(rs.getString(1)), rs.getString(2),
                    rs.getString(3), decided, rs.getString(5), null));
        }, Timestamp.from(since));
        jdbc.query("select c.record_type, c.authority_uscc, c.document_number, c.decision_date, c.id from credit_record c"
                + " where c.updated_at >= ? and c.revoked_at is null and exists (select 1 from delivery_outbox o"
                + " where o.ref = 'credit-' || c.id and o.status <> 'DELIVERED')", rs -> {
            out.add(new AtRisk("NOT_ACKNOWLEDGED", RecordType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                    rs.getDate(4).toLocalDate(), null, rs.getLong(5)));
        }, Timestamp.from(since));
        return out;
    }

    @Override
    public java.util.Optional<PublicRecord> publicRecord(long id, LocalDate asOf) {
        return jdbc.query("select id, record_type, subject_public, document_number, authority_uscc, decision_date,"
                        + " publicity_end, coalesce(public_fields, fields)::text from credit_record where id = ? and public and revoked_at is null"
                        + " and (publicity_end is null or publicity_end >= ?)",
                (rs, i) -> new PublicRecord(rs.getLong(1), RecordType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), readMap(rs.getString(8))),
                id, Date.valueOf(asOf)).stream().findFirst();
    }

    @Override
    public List<ComplianceLine> compliance(LocalDate from, LocalDate to, String divisionCode) {
        return jdbc.query("select o.uscc, o.name, o.division_code, count(*),"
                        + " count(*) filter (where r.on_time), count(*) filter (where not r.on_time),"
                        + " coalesce(sum(r.late_working_days), 0), count(*) filter (where r.on_time is null)"
                        + " from credit_record r join organisation o on o.uscc = r.authority_uscc"
                        + " where r.decision_date between ? and ? and (cast(? as varchar) is null or o.division_code = ?)"
                        + " group by o.uscc, o.name, o.division_code order by o.division_code, o.uscc",
                (rs, i) -> new ComplianceLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)),
                Date.valueOf(from), Date.valueOf(to), divisionCode, divisionCode);
    }

    @Override
    public Optional<StoredRecord> find(String naturalKey) {
        return jdbc.query("select id, record_type, authority_uscc, fields::text, revoked_at is not null, publicity_end"
                        + " from credit_record where natural_key = ?",
                (rs, i) -> new StoredRecord(rs.getLong(1), RecordType.valueOf(rs.getString(2)), rs.getString(3),
                        readMap(rs.getString(4)), rs.getBoolean(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate()),
                naturalKey).stream().findFirst();
    }

    @Override
    public Optional<String> fieldsJson(long recordId) {
        return jdbc.queryForList("select fields::text from credit_record where id = ?", String.class, recordId).stream()
                .findFirst();
    }

    @Override
    public boolean claim(String submissionId, int index) {
        return "RECEIVED".equals(jdbc.queryForList("select status from credit_submission_record where submission_id = ?"
                + " and idx = ? for update", String.class, UUID.fromString(submissionId), index).stream().findFirst()
                .orElse(null));
    }

    @Override
    public List<String> waitingSince(Instant before) {
        return jdbc.queryForList("select id::text from (select distinct s.id from credit_submission s"
                + " join credit_submission_record r on r.submission_id = s.id where r.status = 'RECEIVED'"
                + " and s.received_at < ? union select s.id from credit_submission s where s.processed_count < s.record_count"
                + " and coalesce(s.progress_at, s.received_at) < ?) w limit 1000", String.class, Timestamp.from(before), Timestamp.from(before));
    }

    @Override
    public void revoke(long id, String reason) {
        jdbc.update("update credit_record set revoked_at = now(), revoked_reason = ?, updated_at = now() where id = ?",
                reason, id);
    }

    @Override
    public void repair(long id, LocalDate end, String repairDocument) {
        jdbc.update("update credit_record set repaired_at = now(), repair_document = ?, publicity_end = ?,"
                + " updated_at = now() where id = ?", repairDocument, Date.valueOf(end), id);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> readMap(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldProblem> readProblems(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<Map<String, String>> list = JSON.readValue(json, new TypeReference<>() {
            });
            return list.stream().map(m -> new FieldProblem(m.get("field"), m.get("code"),
                    Text.of(m.get("message"), m.get("message")))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
