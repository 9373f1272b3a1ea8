package io.govhub.gateway.credit;

import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.credit.CreditStore;
import io.govhub.core.credit.RecordType;
import io.govhub.gateway.support.EmbeddedAppIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk processing: a submission is processed a chunk of records per transaction. Each record gets exactly one
 * outcome and at most one stored record and one forwarding message, also when several consumers (nodes) process the
 * same submission, or two submissions carry the same decisions, at the same time.
 */
class CreditBulkIT extends EmbeddedAppIT {

    private static final String MARKET = "11371300MB28500332";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CreditStore store;
    @Autowired
    CreditIntakeService intake;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private static Map<String, String> penalty(String docNo, String fine) {
        return CreditFixtures.companyPenalty(docNo, fine, "2026-11-20");
    }

    /** {@code count} penalty decisions numbered from 0 after {@code base}, each with the fine {@code fine} (万元). */
    private static List<Map<String, String>> penalties(String base, int count, String fine) {
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(penalty(base + i, fine));
        }
        return records;
    }

    /** Stores a submission without a message on the queue: the test calls the processing itself. */
    private String submission(List<Map<String, String>> records) {
        String id = UUID.randomUUID().toString();
        store.saveSubmission(new CreditStore.Submission(id, RecordType.PENALTY, MARKET, "credit-officer", "REST",
                Instant.now(), records.size()), records);
        return id;
    }

    /**
     * Stores a batch file the way a receipt does (the submission, the file's bytes in parts), without a message on the
     * queue: the test calls the processing itself.
     */
    private String fileSubmission(List<Map<String, String>> records, int partSize) {
        StringBuilder csv = new StringBuilder(String.join(",", records.get(0).keySet())).append("\r\n");
        for (Map<String, String> r : records) {
            csv.append(String.join(",", r.values().stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList()))
                    .append("\r\n");
        }
        byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(t -> {
            store.saveSubmission(new CreditStore.Submission(id, RecordType.PENALTY, MARKET, "credit-officer", "BATCH",
                    Instant.now(), records.size()), List.of());
            store.saveFile(id, "decisions.csv", "UTF-8");
            for (int part = 0, at = 0; at < bytes.length; part++, at += partSize) {
                byte[] p = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + partSize));
                store.addFilePart(id, part, p, p.length);
            }
        });
        try (var stored = store.openFile(id)) {
            assertThat(stored.readAllBytes()).as("the file as received").isEqualTo(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return id;
    }

    private int progress(String submissionId) {
        return jdbc.queryForObject("select processed_count from credit_submission where id = ?::uuid", Integer.class,
                submissionId);
    }

    private Map<String, Integer> counts(String submissionId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        // every outcome, one row per record, whether kept as its own row or as its letter in a chunk's row
        jdbc.query("select status, count(*) from credit_outcome where submission_id = ?::uuid group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, submissionId);
        return counts;
    }

    private int stored(String docPrefix) {
        return jdbc.queryForObject("select count(*) from credit_record where document_number like ?", Integer.class,
                docPrefix + "%");
    }

    private final List<String> prefixes = new ArrayList<>();

    /**
     * The thousands of forwarding messages these tests queue are not sent: once counted they are taken out of the
     * shared outbox, so that other tests' records do not wait behind them for the credit platform SIMULATOR.
     */
    @org.junit.jupiter.api.AfterEach
    void dropQueuedForwarding() {
        for (String prefix : prefixes) {
            jdbc.update("delete from delivery_outbox o using credit_record c where o.ref = 'credit-' || c.id"
                    + " and c.document_number like ? and o.status = 'PENDING'", prefix + "%");
        }
    }

    /** A document-number prefix of this test's own, cleaned up after it. */
    private String prefix(String tag) {
        String p = "临市监罚〔2026〕" + tag + System.nanoTime() % 100000 + "-";
        prefixes.add(p);
        return p;
    }

    private int forwardingMessages(String docPrefix) {
        return jdbc.queryForObject("select count(*) from delivery_outbox o join credit_record c on o.ref = 'credit-' || c.id"
                + " where c.document_number like ? and o.kind = 'CREDIT_FORWARD'", Integer.class, docPrefix + "%");
    }

    private static void inParallel(int threads, Callable<Void> work) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(work));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_submission_larger_than_a_chunk_with_duplicates_updates_and_rejections() {
        String base = prefix("块");
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            records.add(penalty(base + i, "1." + i));
        }
        records.add(penalty(base + 5, "1.5"));        // the same decision, the same content: a duplicate
        records.add(penalty(base + 7, "9"));          // the same decision, changed: an update keeping history
        records.add(penalty(base + "bad", "-1"));     // a negative fine: rejected
        String id = submission(records);

        intake.process(id);

        assertThat(counts(id)).containsExactlyInAnyOrderEntriesOf(
                Map.of("ACCEPTED", 2500, "DUPLICATE", 1, "UPDATED", 1, "REJECTED", 1));
        assertThat(stored(base)).isEqualTo(2500);
        assertThat(jdbc.queryForObject("select version from credit_record where document_number = ?", Integer.class,
                base + 7)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select h.fields ->> 'CF_NR_FK' from credit_record_history h join credit_record c"
                + " on c.id = h.record_id where c.document_number = ?", String.class, base + 7)).isEqualTo("1.700000"); // 万元, 6 decimals
        // every new and changed record is queued for the credit platform once: 2,500 new + 1 update
        assertThat(forwardingMessages(base)).isEqualTo(2501);
        // its status over the API: counts of the whole submission, the outcomes a page at a time
        var http = http();
        var first = http.get("/api/v1/credit/submissions/" + id, "credit-officer").json();
        assertThat(first.path("counts").path("ACCEPTED").asInt()).isEqualTo(2500);
        assertThat(first.path("items")).hasSize(1000);
        assertThat(first.path("next").asInt()).isEqualTo(999);
        var last = http.get("/api/v1/credit/submissions/" + id + "?after=1999", "credit-officer").json();
        assertThat(last.path("items")).hasSize(503);
        assertThat(last.path("items").get(0).path("index").asInt()).isEqualTo(2000);
        assertThat(last.path("items").get(502).path("status").asText()).isEqualTo("REJECTED");
        assertThat(last.path("next").isNull() || last.path("next").isMissingNode()).isTrue();
        assertThat(http.get("/api/v1/credit/submissions/" + id + "?limit=1001", "credit-officer").code())
                .isEqualTo("REQUEST_PARAMETER_INVALID");
        // the problem is reported at its field
        assertThat(jdbc.queryForObject("select problems::text from credit_submission_record where submission_id = ?::uuid"
                + " and idx = 2502", String.class, id)).contains("CF_NR_FK");
    }

    @Test
    void three_consumers_of_one_submission_process_each_record_once() throws Exception {
        String base = prefix("并");
        List<Map<String, String>> records = penalties(base, 3500, "2");
        String id = submission(records);

        inParallel(3, () -> {
            intake.process(id);
            return null;
        });

        assertThat(counts(id)).containsExactly(Map.entry("ACCEPTED", 3500));
        assertThat(stored(base)).isEqualTo(3500);
        assertThat(forwardingMessages(base)).isEqualTo(3500);
    }

    @Test
    void two_submissions_of_the_same_decisions_at_once_store_each_decision_once() throws Exception {
        String base = prefix("重");
        List<Map<String, String>> records = penalties(base, 2000, "3");
        String first = submission(records);
        String second = submission(records);
        List<String> both = List.of(first, second);
        var next = new java.util.concurrent.atomic.AtomicInteger();

        inParallel(2, () -> {
            intake.process(both.get(next.getAndIncrement()));
            return null;
        });

        Map<String, Integer> a = counts(first);
        Map<String, Integer> b = counts(second);
        assertThat(a.getOrDefault("ACCEPTED", 0) + b.getOrDefault("ACCEPTED", 0)).isEqualTo(2000);
        assertThat(a.getOrDefault("DUPLICATE", 0) + b.getOrDefault("DUPLICATE", 0)).isEqualTo(2000);
        assertThat(a.keySet()).doesNotContain("RECEIVED", "REJECTED");
        assertThat(b.keySet()).doesNotContain("RECEIVED", "REJECTED");
        assertThat(stored(base)).isEqualTo(2000);
        assertThat(forwardingMessages(base)).isEqualTo(2000);
    }

    @Test
    void a_decision_another_transaction_stores_while_a_chunk_is_stored_is_taken_record_by_record() throws Exception {
        String base = prefix("竞");
        String id = submission(List.of(penalty(base + 1, "1"), penalty(base + 2, "1"), penalty(base + 3, "1")));
        var inserted = new java.util.concurrent.CountDownLatch(1);
        var sawWait = new java.util.concurrent.atomic.AtomicBoolean();
        var other = Executors.newSingleThreadExecutor();
        try {
            // another transaction stores decision 2 and stays open until the chunk's insert waits on it
            Future<?> holder = other.submit(() -> tx.executeWithoutResult(status -> {
                jdbc.update("insert into credit_record (record_type, natural_key, authority_uscc, document_number,"
                        + " subject_public, decision_date, published_at, publicity_rules, public, fields, public_fields,"
                        + " content_hash) values ('PENALTY', ?, ?, ?, 'x', date '2026-11-20', now(), 'test', true,"
                        + " '{}'::jsonb, '{}'::jsonb, repeat('0', 64))", "CF|" + MARKET + "|" + base + 2, MARKET, base + 2);
                inserted.countDown();
                for (int i = 0; i < 200; i++) {
                    // the statistics views are a snapshot per transaction: cleared before each look
                    jdbc.queryForList("select pg_stat_clear_snapshot()");
                    if (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query like 'copy credit_record%'", Integer.class) > 0) {
                        sawWait.set(true);
                        break;
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
            inserted.await();
            intake.process(id); // the chunk's insert waits for the other transaction, then meets its unique key
            holder.get();
        } finally {
            other.shutdownNow();
        }
        assertThat(sawWait).as("the chunk's COPY waited on the other transaction's decision").isTrue();
        // the chunk was rolled back and taken one record at a time: nothing lost, decision 2 stored once (an update)
        assertThat(counts(id)).containsExactlyInAnyOrderEntriesOf(Map.of("ACCEPTED", 2, "UPDATED", 1));
        assertThat(stored(base)).isEqualTo(3);
        assertThat(forwardingMessages(base)).isEqualTo(3);
    }

    @Test
    void a_batch_file_is_processed_from_the_stored_file_a_chunk_at_a_time() {
        String base = prefix("档");
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            records.add(penalty(base + i, "1." + i));
        }
        records.add(penalty(base + 5, "1.5"));        // a duplicate
        records.add(penalty(base + 7, "9"));          // an update keeping history
        records.add(penalty(base + "bad", "-1"));     // rejected
        String id = fileSubmission(records, 4096);    // parts end mid-row: the file is read across them

        // before processing: no outcome rows, every record shown as waiting
        assertThat(counts(id)).isEmpty();
        assertThat(intake.statusCounts(id)).containsExactly(Map.entry(CreditStore.RecordStatus.RECEIVED, 2503));
        assertThat(intake.outcomePage(id, 2499, 10)).extracting(r -> r.index() + ":" + r.status())
                .containsExactly("2500:RECEIVED", "2501:RECEIVED", "2502:RECEIVED");

        intake.process(id);

        assertThat(counts(id)).containsExactlyInAnyOrderEntriesOf(
                Map.of("ACCEPTED", 2500, "DUPLICATE", 1, "UPDATED", 1, "REJECTED", 1));
        assertThat(progress(id)).isEqualTo(2503);
        assertThat(stored(base)).isEqualTo(2500);
        assertThat(forwardingMessages(base)).isEqualTo(2501);
        assertThat(jdbc.queryForObject("select version from credit_record where document_number = ?", Integer.class,
                base + 7)).isEqualTo(2);
        // the record as received is kept for the rejected one only, with its problem at its field
        assertThat(jdbc.queryForObject("select count(*) from credit_submission_record where submission_id = ?::uuid"
                + " and raw is not null", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select raw ->> 'CF_WSH' from credit_submission_record where submission_id = ?::uuid"
                + " and idx = 2502", String.class, id)).isEqualTo(base + "bad");
        assertThat(jdbc.queryForObject("select problems::text from credit_submission_record where submission_id = ?::uuid"
                + " and idx = 2502", String.class, id)).contains("CF_NR_FK");
        assertThat(intake.outcomePage(id, 2499, 10)).extracting(r -> r.index() + ":" + r.status())
                .containsExactly("2500:DUPLICATE", "2501:UPDATED", "2502:REJECTED");
        // a second message for the same file changes nothing
        intake.process(id);
        assertThat(counts(id).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2503);
    }

    /**
     * Two chunks of a file are stored at once: a decision named by the last row of one chunk and the first row of the
     * next is stored in file order (the later row is the later version). The chunk waits for its predecessor's commit
     * before it is stored; without that wait the order would still hold (commits are in file order, and a chunk that
     * waits too long for its predecessor is stored again after it), only slower: this test checks the order, not the
     * wait.
     */
    @Test
    void a_decision_in_two_neighbouring_chunks_of_a_file_is_stored_in_file_order() {
        String base = prefix("邻");
        List<Map<String, String>> records = penalties(base, 2000, "1");
        records.set(999, penalty(base + "X", "2"));   // the last row of chunk 0
        records.set(1000, penalty(base + "X", "3"));  // the first row of chunk 1: the same decision, changed
        String id = fileSubmission(records, 1 << 20);

        intake.process(id);

        assertThat(counts(id)).containsExactlyInAnyOrderEntriesOf(Map.of("ACCEPTED", 1999, "UPDATED", 1));
        assertThat(intake.outcomePage(id, 998, 2)).extracting(r -> r.index() + ":" + r.status())
                .containsExactly("999:ACCEPTED", "1000:UPDATED");
        assertThat(jdbc.queryForObject("select version || ':' || (fields ->> 'CF_NR_FK') from credit_record"
                + " where document_number = ?", String.class, base + "X")).isEqualTo("2:3.000000");
        assertThat(jdbc.queryForObject("select h.fields ->> 'CF_NR_FK' from credit_record_history h join credit_record c"
                + " on c.id = h.record_id where c.document_number = ?", String.class, base + "X")).isEqualTo("2.000000");
        assertThat(progress(id)).isEqualTo(2000);
        assertThat(forwardingMessages(base)).isEqualTo(2000); // 1,999 new + the update
    }

    /**
     * A wait cycle PostgreSQL cannot see, because one of its waits is in govhub: chunk 0 waits (in the database) for
     * another transaction that has stored one of chunk 0's decisions; that transaction then stores a decision chunk 1
     * has stored and waits for chunk 1, while chunk 1 waits (in govhub) for chunk 0 to commit. Chunk 1 gives up after
     * {@code PREDECESSOR_WAIT} (5 s), rolls back and is stored again once chunk 0 has committed: every record once.
     * Without that limit the processing never ends (the test fails after 90 s).
     */
    @Test
    void a_wait_cycle_through_another_transaction_is_broken_and_every_record_is_stored_once() throws Exception {
        String base = prefix("环");
        List<Map<String, String>> records = penalties(base, 2000, "1");
        String id = fileSubmission(records, 1 << 20);
        var inserted = new java.util.concurrent.CountDownLatch(1);
        var chunk0Waited = new java.util.concurrent.atomic.AtomicBoolean();
        var chunk1Waited = new java.util.concurrent.atomic.AtomicBoolean();
        var threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> other = threads.submit(() -> tx.executeWithoutResult(status -> {
                insertDecision(base + 500); // one of chunk 0's decisions
                inserted.countDown();
                chunk0Waited.set(waitFor("wait_event_type = 'Lock' and query like 'copy credit_record%'"));
                // chunk 1 has stored its rows and waits for chunk 0's commit: its transaction sits idle
                chunk1Waited.set(waitFor("state = 'idle in transaction' and pid <> pg_backend_pid()"
                        + " and backend_xid is not null and clock_timestamp() - state_change > interval '300 milliseconds'"));
                insertDecision(base + 1500); // one of chunk 1's decisions: waits until chunk 1 rolls back
            }));
            inserted.await();
            Future<?> processing = threads.submit(() -> intake.process(id));
            processing.get(90, java.util.concurrent.TimeUnit.SECONDS);
            other.get();
        } finally {
            threads.shutdownNow();
        }
        assertThat(chunk0Waited).as("chunk 0 waited for the other transaction").isTrue();
        assertThat(chunk1Waited).as("chunk 1 waited for chunk 0").isTrue();
        // the two decisions the other transaction stored are updates; everything else new; each once
        assertThat(counts(id)).containsExactlyInAnyOrderEntriesOf(Map.of("ACCEPTED", 1998, "UPDATED", 2));
        assertThat(stored(base)).isEqualTo(2000);
        assertThat(forwardingMessages(base)).isEqualTo(2000);
        assertThat(progress(id)).isEqualTo(2000);
    }

    /**
     * The retention job deletes the stored bytes of a batch file once it is processed and older than the retention (in
     * transactions of 64 parts: this file has more), and keeps a newer file and one still being processed; what the
     * submission says about its records does not change.
     */
    @Test
    void processed_batch_files_are_deleted_after_the_retention_and_their_outcomes_kept() {
        String base = prefix("留");
        List<Map<String, String>> records = penalties(base, 300, "1");
        String old = fileSubmission(records, 1024);
        String recent = fileSubmission(records.subList(0, 10), 1024);
        String waiting = fileSubmission(records.subList(10, 20), 1024);
        intake.process(old);
        intake.process(recent);
        jdbc.update("update credit_submission set received_at = now() - interval '200 days' where id in (?::uuid, ?::uuid)",
                old, waiting);
        assertThat(parts(old)).isGreaterThan(64);
        Map<CreditStore.RecordStatus, Integer> before = intake.statusCounts(old);

        assertThat(intake.removeProcessedFiles(Duration.ZERO)).as("0 keeps the files").isZero();
        assertThat(parts(old)).isGreaterThan(64);
        // what the hourly job runs (under a ShedLock lock, which a test cannot count on being free)
        assertThat(intake.removeProcessedFiles(Duration.ofDays(180))).isGreaterThanOrEqualTo(1);

        assertThat(parts(old)).isZero();
        assertThat(parts(recent)).as("received within the retention").isPositive();
        assertThat(parts(waiting)).as("not processed yet").isPositive();
        assertThat(intake.statusCounts(old)).isEqualTo(before).containsEntry(CreditStore.RecordStatus.ACCEPTED, 300);
        assertThat(intake.outcomePage(old, 298, 5)).extracting(r -> r.index() + ":" + r.status())
                .containsExactly("299:ACCEPTED");
        intake.process(old); // a message for it again: nothing to read, nothing changes
        assertThat(counts(old)).containsExactly(Map.entry("ACCEPTED", 300));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where event = 'CREDIT_FILES_REMOVED'",
                Integer.class)).isPositive();
    }

    private int parts(String submissionId) {
        return jdbc.queryForObject("select count(*) from credit_submission_file where submission_id = ?::uuid",
                Integer.class, submissionId);
    }

    /**
     * One node at a time processes a file (it holds the file's lease); a node that holds it and makes no progress for
     * the recovery's grace (2 min here) hangs: another node ends its session and takes the file over.
     */
    @Test
    void a_file_whose_lease_holder_makes_no_progress_is_taken_over_after_the_grace() {
        String base = prefix("挂");
        String id = fileSubmission(penalties(base, 1500, "1"), 1 << 20);
        // a node that hangs: it holds the file's lease and stores nothing
        CreditStore.FileLease hung = store.leaseFile(id, Duration.ofHours(1)).orElseThrow();
        try {
            intake.process(id);
            assertThat(counts(id)).as("held, and its receipt is fresh: left to the holder").isEmpty();

            jdbc.update("update credit_submission set received_at = now() - interval '10 minutes' where id = ?::uuid", id);
            intake.process(id);

            assertThat(counts(id)).containsExactly(Map.entry("ACCEPTED", 1500));
            assertThat(progress(id)).isEqualTo(1500);
            assertThat(stored(base)).isEqualTo(1500);
        } finally {
            hung.close(); // its session was ended: closing it is quiet
        }
    }

    /** Stores a decision as another transaction would, in the caller's transaction. */
    private void insertDecision(String documentNumber) {
        jdbc.update("insert into credit_record (record_type, natural_key, authority_uscc, document_number,"
                + " subject_public, decision_date, published_at, publicity_rules, public, fields, public_fields,"
                + " content_hash) values ('PENALTY', ?, ?, ?, 'x', date '2026-11-20', now(), 'test', true,"
                + " '{}'::jsonb, '{}'::jsonb, repeat('0', 64))", "CF|" + MARKET + "|" + documentNumber, MARKET,
                documentNumber);
    }

    /** Whether a backend matching {@code condition} appears in {@code pg_stat_activity} within 10 s. */
    private boolean waitFor(String condition) {
        for (int i = 0; i < 200; i++) {
            // the statistics views are a snapshot per transaction: cleared before each look
            jdbc.queryForList("select pg_stat_clear_snapshot()");
            if (jdbc.queryForObject("select count(*) from pg_stat_activity where " + condition, Integer.class) > 0) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    @Test
    void three_consumers_of_one_batch_file_process_each_record_once() throws Exception {
        String base = prefix("档并");
        List<Map<String, String>> records = penalties(base, 3500, "2");
        String id = fileSubmission(records, 1 << 20);

        inParallel(3, () -> {
            intake.process(id);
            return null;
        });
        intake.process(id); // a consumer that stopped because another held the file left nothing behind

        assertThat(counts(id)).containsExactly(Map.entry("ACCEPTED", 3500));
        assertThat(stored(base)).isEqualTo(3500);
        assertThat(forwardingMessages(base)).isEqualTo(3500);
    }

    @Test
    void processing_a_batch_file_again_reads_on_from_its_progress() {
        String base = prefix("档续");
        List<Map<String, String>> records = penalties(base, 2200, "3");
        String id = fileSubmission(records, 1 << 20);
        // as if a node had processed the first chunk and died: the progress says 1,000 (its outcomes are not faked
        // here, so the records below 1,000 must stay untouched)
        jdbc.update("update credit_submission set processed_count = 1000 where id = ?::uuid", id);
        // the recovery finds it as still waiting (asked directly: a message now would race this test's own processing),
        // but not while its progress moves: a long file being processed is not handed out again
        assertThat(store.waitingSince(Instant.now().plusSeconds(1))).contains(id);
        jdbc.update("update credit_submission set progress_at = now() + interval '1 hour' where id = ?::uuid", id);
        assertThat(store.waitingSince(Instant.now().plusSeconds(1))).doesNotContain(id);

        intake.process(id);

        assertThat(counts(id)).containsExactly(Map.entry("ACCEPTED", 1200));
        assertThat(jdbc.queryForObject("select min(idx) from credit_outcome where submission_id = ?::uuid",
                Integer.class, id)).isEqualTo(1000);
        assertThat(progress(id)).isEqualTo(2200);
        assertThat(stored(base)).isEqualTo(1200);
    }

    @Test
    void a_file_begun_by_an_older_version_is_finished_with_both_kinds_of_outcome_read_as_one() {
        String base = prefix("档旧");
        List<Map<String, String>> records = penalties(base, 2200, "3");
        String id = fileSubmission(records, 1 << 20);
        // an older version kept a row per record: its first chunk done that way (record ids left out), the rest
        // is done now, a chunk's row at a time
        jdbc.update("insert into credit_submission_record (submission_id, idx, status, processed_at)"
                + " select ?::uuid, g, 'ACCEPTED', now() from generate_series(0, 999) g", id);
        jdbc.update("update credit_submission set processed_count = 1000 where id = ?::uuid", id);

        intake.process(id);

        assertThat(store.statusCounts(id)).containsExactly(Map.entry(CreditStore.RecordStatus.ACCEPTED, 2200));
        assertThat(counts(id)).containsExactly(Map.entry("ACCEPTED", 2200));
        assertThat(jdbc.queryForObject("select count(distinct idx) from credit_outcome where submission_id = ?::uuid",
                Integer.class, id)).isEqualTo(2200);
        assertThat(jdbc.queryForObject("select count(*) from credit_submission_chunk where submission_id = ?::uuid",
                Integer.class, id)).isEqualTo(2);
        // a page across the two kinds: the old rows' outcomes, then the chunk's, each with its record from 1,000 on
        List<CreditStore.SubmittedRecord> page = intake.outcomePage(id, 995, 10);
        assertThat(page).extracting(r -> r.index() + ":" + r.status()).containsExactly("996:ACCEPTED", "997:ACCEPTED",
                "998:ACCEPTED", "999:ACCEPTED", "1000:ACCEPTED", "1001:ACCEPTED", "1002:ACCEPTED", "1003:ACCEPTED",
                "1004:ACCEPTED", "1005:ACCEPTED");
        assertThat(page.subList(0, 4)).allMatch(r -> r.recordId() == null);
        assertThat(page.subList(4, 10)).allMatch(r -> r.recordId() != null);
        assertThat(jdbc.queryForObject("select document_number from credit_record where id = ?", String.class,
                page.get(4).recordId())).isEqualTo(records.get(1000).get("CF_WSH"));
        assertThat(stored(base)).isEqualTo(1200);
    }
}
