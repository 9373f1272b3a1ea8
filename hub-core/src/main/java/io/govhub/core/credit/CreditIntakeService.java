package io.govhub.core.credit;

import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import io.govhub.core.calendar.CalendarService;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.identity.PersonalDataMasker;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.core.shared.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Intake of permit and penalty decisions. {@link #receive} stores the submission as it came, every record of it, and
 * answers at once with a receipt; the work queue hands it to a node that {@link #process processes} it: each record
 * is validated, checked against the submitter, and stored as new, as an update (history kept) or recognised as a
 * duplicate; or rejected with every problem. Processing only touches records still {@code RECEIVED}, so handing the
 * same submission over twice, or after a crash, does no harm.
 */
public class CreditIntakeService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CreditIntakeService.class);
    public static final int MAX_RECORDS_PER_REQUEST = 1000;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The answer to a submission. */
    public record Receipt(String submissionId, String type, int records, String status) {
    }

    private final CreditStore store;
    private final CreditWorkQueue queue;
    private final DivisionDirectory directory;
    private final CalendarService calendar;
    private final AuditPort audit;
    private final Transactions tx;
    private final io.govhub.core.audit.MessageLog messageLog;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Clock clock;
    private final PublicityRules publicity = PublicityRules.bundled();

    /**
     * @param messageLog every submission is a message-log record (报文日志) in its receipt's transaction: peer, channel,
     *                   submission id and the SHA-256 of what was received (the records as JSON, or the file's bytes);
     *                   metadata only, since the records themselves are kept with the submission
     */
    public CreditIntakeService(CreditStore store, CreditWorkQueue queue, DivisionDirectory directory,
                               CalendarService calendar, AuditPort audit, Transactions tx, Clock clock,
                               io.govhub.core.audit.MessageLog messageLog) {
        this.messageLog = messageLog;
        this.store = store;
        this.queue = queue;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Receipt receive(Actor actor, RecordType type, List<Map<String, String>> records, String channel) {
        return receive(actor, type, records, channel, null);
    }

    /**
     * @param asReceived the request as it arrived (a SOAP request's XML), for the message log's hash; null: the
     *                   records as JSON
     */
    public Receipt receive(Actor actor, RecordType type, List<Map<String, String>> records, String channel,
                           String asReceived) {
        requireSubmitter(actor);
        requireOwnDecisions(actor, type, records);
        if (records.isEmpty() || records.size() > MAX_RECORDS_PER_REQUEST) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of(
                    "每次报送 1 到 " + MAX_RECORDS_PER_REQUEST + " 条记录（更多请用批量文件）",
                    "submit 1 to " + MAX_RECORDS_PER_REQUEST + " records at a time (use a batch file for more)"));
        }
        String id = UUID.randomUUID().toString();
        tx.inTransaction(() -> {
            store.saveSubmission(new CreditStore.Submission(id, type, actor.organisationUscc(), actor.username(), channel,
                    clock.instant(), records.size()), records);
            audit.record(AuditEvent.of("CREDIT_SUBMITTED", actor.username(), channel,
                    Map.of("submissionId", id, "type", type.name(), "records", records.size())));
            messageLog.record(new io.govhub.core.audit.MessageLog.Message(actor.username(),
                    io.govhub.core.audit.MessageLog.Direction.IN, "CREDIT_" + type.name() + "_" + channel, id, null,
                    asReceived != null ? asReceived : json(records), false));
            tx.afterCommit(() -> queue.submitted(id));
            return null;
        });
        return new Receipt(id, type.name(), records.size(), CreditStore.RecordStatus.RECEIVED.name());
    }

    /**
     * A correction (更正) of a decision already received from the officer's organisation: the record with its document
     * number must exist; it is then received like any submission, and stored as an update that keeps the history.
     */
    public Receipt correct(Actor actor, RecordType type, Map<String, String> record, String channel) {
        return correct(actor, type, record, channel, null);
    }

    /** As {@link #correct(Actor, RecordType, Map, String)}, with the request as it arrived for the message log. */
    public Receipt correct(Actor actor, RecordType type, Map<String, String> record, String channel, String asReceived) {
        ownRecord(actor, type, record.get(type.field("WSH")));
        return receive(actor, type, List.of(record), channel, asReceived);
    }

    /**
     * Receives a batch file: every row is stored with the submission in one transaction (in chunks, so the file
     * streams), and nothing of it if the file cannot be read to its end. Processing follows through the queue.
     */
    public Receipt receiveBatch(Actor actor, java.nio.file.Path file, String fileName, java.nio.charset.Charset charset)
            throws java.io.IOException {
        return receiveBatch(actor, file, fileName, charset, "BATCH");
    }

    /**
     * As {@link #receiveBatch(Actor, java.nio.file.Path, String, java.nio.charset.Charset)}, naming the channel (DROP…).
     * The file is read to its end first (a file that cannot be read is refused and nothing is stored); then the file
     * itself, its bytes as received, is the receipt: stored with the submission in one transaction, in parts, and
     * hashed on the way for the message log. Its records are read from it again when it is processed.
     */
    public Receipt receiveBatch(Actor actor, java.nio.file.Path file, String fileName, java.nio.charset.Charset charset,
                                String channel) throws java.io.IOException {
        requireSubmitter(actor);
        String id = UUID.randomUUID().toString();
        int[] count = {0};
        RecordType type = CreditBatchReader.read(file, fileName, charset, t -> defaultsOf(actor.organisationUscc(), t),
                t -> { }, row -> count[0]++);
        if (count[0] == 0) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of("文件中没有记录", "the file holds no record"));
        }
        try {
            tx.inTransaction(() -> {
                store.saveSubmission(new CreditStore.Submission(id, type, actor.organisationUscc(), actor.username(),
                        channel, clock.instant(), count[0]), List.of());
                store.saveFile(id, fileName, charset == null ? null : charset.name());
                String sha256 = storeFile(id, file);
                audit.record(AuditEvent.of("CREDIT_SUBMITTED", actor.username(), channel,
                        Map.of("submissionId", id, "type", type.name(), "records", count[0], "file", fileName)));
                // the file is kept with the submission, not in the log: its name, size and SHA-256, in the chain
                messageLog.record(new io.govhub.core.audit.MessageLog.Message(actor.username(),
                        io.govhub.core.audit.MessageLog.Direction.IN, "CREDIT_" + type.name() + "_" + channel, id, null,
                        json(Map.of("file", fileName, "bytes", size(file), "sha256", sha256, "records", count[0])),
                        true));
                tx.afterCommit(() -> queue.submitted(id));
                return null;
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new Receipt(id, type.name(), count[0], CreditStore.RecordStatus.RECEIVED.name());
    }

    /** How many parts of stored batch files (1 MiB each) one transaction of the retention job deletes. */
    static final int PARTS_PER_DELETE = 64;

    /**
     * Deletes the stored batch files (the bytes as received) of submissions received more than {@code keep} ago whose
     * every record has its outcome: the file has served its purpose (the receipt and the processing), and it holds
     * personal data in clear (ID numbers, phones of natural persons). What stays: the submission, every record's
     * outcome, the record as received for the rejected ones, the stored decisions, and the file's name, size and
     * SHA-256 in the message log. A zero {@code keep} keeps the files. Returns how many files were deleted.
     */
    public int removeProcessedFiles(java.time.Duration keep) {
        if (keep.isZero() || keep.isNegative()) {
            return 0;
        }
        Instant before = clock.instant().minus(keep);
        List<String> files = store.processedFiles(before);
        for (String id : files) {
            // a part is at most 1 MiB: a few dozen per transaction, however large the file
            while (tx.inTransaction(() -> store.deleteFileParts(id, PARTS_PER_DELETE)) > 0) {
                // on to the next parts
            }
        }
        if (!files.isEmpty()) {
            audit.record(AuditEvent.of("CREDIT_FILES_REMOVED", "system", "已处理的批量文件已超过保留期限",
                    Map.of("submissions", files.size(), "keep", keep.toString())));
            LOG.info("Removed the stored batch files of {} processed credit submission(s) received before {}",
                    files.size(), before);
        }
        return files.size();
    }

    /** Size of a part of a stored batch file. */
    static final int FILE_PART = 1 << 20;

    /** Stores the file's bytes with the submission, a part at a time; returns their SHA-256 (hex). */
    private String storeFile(String id, java.nio.file.Path file) {
        int[] part = {0};
        try {
            return io.govhub.core.audit.MessageBodies.sha256(file, FILE_PART, (block, n) -> store.addFilePart(id, part[0]++, block, n));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    /**
     * What a 2015-template row lacks and the submitter supplies: its organisation as the deciding authority and the
     * data source (an officer submits only their organisation's decisions; a row naming another authority is still
     * rejected by that rule).
     */
    private Map<String, String> defaultsOf(String organisationUscc, RecordType type) {
        if (organisationUscc == null) {
            return Map.of();
        }
        String name = directory.organisation(organisationUscc).map(o -> o.name()).orElse("");
        Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put(type == RecordType.PERMIT ? "XK_XKJGDM" : "CF_CFJGDM", organisationUscc);
        d.put(type == RecordType.PERMIT ? "XK_LYDWDM" : "CF_SJLYDM", organisationUscc);
        if (!name.isEmpty()) {
            d.put(type == RecordType.PERMIT ? "XK_LYDW" : "CF_SJLY", name);
            d.put(type == RecordType.PERMIT ? "XK_XKJG" : "CF_CFJG", name);
        }
        return d;
    }

    /**
     * Hands submissions back to the queue whose records still wait after {@code grace}: their message was lost (a
     * crash between the commit and the send, a broker restart). Processing is idempotent, so a second message for
     * a submission still in the queue does no harm.
     *
     * @return how many submissions were handed back
     */
    public int requeueWaiting(java.time.Duration grace) {
        List<String> waiting = store.waitingSince(clock.instant().minus(grace));
        waiting.forEach(queue::submitted);
        return waiting.size();
    }

    /**
     * Submits the demo decisions of the embedded mode once, into an empty store, as a partner system would; they are
     * processed in the background like any other submission.
     *
     * @return how many records were submitted (0 if the store was not empty)
     */
    public int submitDemo(int perType) {
        if (store.submissionCount() > 0) {
            return 0;
        }
        int n = 0;
        var demoRecords = DemoCreditRecords.generate(perType, LocalDate.now(clock.withZone(CHINA)), 20161030L);
        for (RecordType type : RecordType.values()) {
            // each deciding authority's decisions as that organisation's system (a submitter acts for its own only)
            var byAuthority = new java.util.TreeMap<String, List<Map<String, String>>>();
            for (Map<String, String> r : demoRecords.get(type)) {
                byAuthority.computeIfAbsent(r.get(type == RecordType.PERMIT ? "XK_XKJGDM" : "CF_CFJGDM"),
                        k -> new java.util.ArrayList<>()).add(r);
            }
            for (var e : byAuthority.entrySet()) {
                Actor demo = new Actor("demo-data", "演示数据", java.util.Set.of(Role.PARTNER_SYSTEM), null, e.getKey());
                List<Map<String, String>> all = e.getValue();
                for (int i = 0; i < all.size(); i += MAX_RECORDS_PER_REQUEST) {
                    List<Map<String, String>> chunk = all.subList(i, Math.min(all.size(), i + MAX_RECORDS_PER_REQUEST));
                    receive(demo, type, chunk, "DEMO");
                    n += chunk.size();
                }
            }
        }
        return n;
    }

    private volatile CreditForwarding forwarding = CreditForwarding.NONE;

    /** Where accepted records, revocations and repairs go (the credit platform connector). */
    public void forwardTo(CreditForwarding forwarding) {
        this.forwarding = forwarding;
    }

    /** How many records of a submission are processed in one transaction. */
    static final int CHUNK = 1000;

    /**
     * Processes the records of a submission that are still waiting, a chunk at a time in index order: each chunk is
     * claimed, validated, stored, given its outcomes and queued for forwarding in one transaction, so a crash loses at
     * most the chunk in progress, which stays waiting and is processed again. Records another node holds are skipped
     * (that node processes them). When another transaction stores one of a chunk's decisions at the same moment, the
     * chunk is rolled back and processed one record at a time.
     */
    public void process(String submissionId) {
        CreditStore.Submission s = store.submission(submissionId).orElse(null);
        if (s == null) {
            return; // nothing to do: a message for a submission that was never committed
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        CreditStore.StoredFile file = store.storedFile(submissionId).orElse(null);
        if (file != null) {
            processFile(s, file, today);
            return;
        }
        int after = -1;
        while (true) {
            int from = after;
            Integer last;
            try {
                last = tx.inTransaction(() -> processChunk(s, store.claimWaiting(s.id(), from, CHUNK), today));
            } catch (CreditStore.ConcurrentDecisionException e) {
                last = null;
                for (CreditStore.SubmittedRecord r : tx.inTransaction(() -> store.claimWaiting(s.id(), from, CHUNK))) {
                    tx.inTransaction(() -> {
                        if (store.claim(s.id(), r.index())) {
                            processChunk(s, List.of(r), today);
                        }
                        return null;
                    });
                    last = r.index();
                }
            }
            if (last == null) {
                return;
            }
            after = last;
        }
    }

    /** Another node holds the file's progress: it processes the file, this node stops reading it. */
    private static final class ProcessedElsewhere extends RuntimeException {
        ProcessedElsewhere() {
            super(null, null, false, false);
        }
    }

    /** How many evaluated chunks of a file may wait for their transaction (the heap holds at most these and one more). */
    static final int CHUNKS_AHEAD = 2;

    private volatile java.time.Duration takeOverFilesAfter = java.time.Duration.ofMinutes(2);

    /**
     * How long a file's progress may stand still while another node holds the file's lease before this node takes the
     * lease over (the recovery's grace, {@code govhub.credit.recovery-grace}: the recovery hands such a file out again).
     */
    public void takeOverFilesAfter(java.time.Duration after) {
        this.takeOverFilesAfter = after;
    }

    /** How many chunks of a file are stored at once, each in its own transaction on its own connection. */
    static final int CHUNKS_IN_FLIGHT = 2;

    /**
     * How long a stored chunk waits for its predecessor's commit before it rolls back, waits without holding anything,
     * and is stored again: a wait cycle through a third transaction (one that needs a row the waiting chunk has written
     * while the predecessor needs one of the third's) cannot be seen by PostgreSQL, as one of its waits is here.
     */
    static final java.time.Duration PREDECESSOR_WAIT = java.time.Duration.ofSeconds(5);

    /**
     * Processes a batch file kept as received: its records are read from the stored file in order, a chunk per
     * transaction that inserts the chunk's outcomes and advances the file's progress. A crash loses at most the chunks
     * in progress; the next attempt (any node) reads on from the progress. One node at a time processes a file (it
     * holds the file's lease); a node that finds the lease held, or the progress moved past its chunk, stops: the other
     * node processes the file (if it dies, the recovery hands the file out again once its progress has not moved for
     * the grace period).
     * <p>
     * The work is spread over threads: a reader parses, validates and derives the next chunks (CPU only), at most
     * {@link #CHUNKS_AHEAD} ahead, while {@link #CHUNKS_IN_FLIGHT} chunks are stored at once, each in its own
     * transaction (PostgreSQL works on two at a time). The chunks commit in file order: a chunk's transaction waits for
     * its predecessor's commit before it advances the progress, so the progress always counts a prefix of the file and
     * nothing past it is stored. A chunk that names a decision its predecessor also names is not stored until the
     * predecessor has committed, so that the later row of the file is the later version.
     */
    private void processFile(CreditStore.Submission s, CreditStore.StoredFile file, LocalDate today) {
        if (file.processedCount() >= s.recordCount()) {
            return;
        }
        CreditStore.FileLease lease = store.leaseFile(s.id(), takeOverFilesAfter).orElse(null);
        if (lease == null) {
            return; // another node is processing the file
        }
        java.nio.file.Path copy = null;
        Thread reader = null;
        java.util.concurrent.ExecutorService storers = null;
        java.util.concurrent.BlockingQueue<Object> ready = new java.util.concurrent.ArrayBlockingQueue<>(CHUNKS_AHEAD);
        Object end = new Object();
        try {
            java.nio.charset.Charset charset = file.charset() == null ? null : java.nio.charset.Charset.forName(file.charset());
            CreditBatchReader.Source csv = () -> store.openFile(s.id()); // a CSV streams from the stored parts
            if (!file.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                // a workbook is read through a file (POI streams a sheet from a file, not from a stream)
                copy = java.nio.file.Files.createTempFile("govhub-credit-", ".xlsx");
                try (java.io.InputStream in = store.openFile(s.id())) {
                    java.nio.file.Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            java.nio.file.Path workbook = copy;
            reader = new Thread(() -> {
                try {
                    readFile(s, file, csv, workbook, charset, today, ready);
                    ready.put(end);
                } catch (InterruptedException e) {
                    // the storing side stopped: nothing more to hand over
                } catch (RuntimeException | java.io.IOException | Error e) {
                    try {
                        ready.put(e); // after the chunks before it: the storing side stores those first
                    } catch (InterruptedException stopped) {
                        // the storing side stopped meanwhile
                    }
                }
            }, "credit-file-reader-" + s.id());
            reader.setDaemon(true);
            int[] threads = {0};
            storers = java.util.concurrent.Executors.newFixedThreadPool(CHUNKS_IN_FLIGHT, r -> {
                Thread t = new Thread(r, "credit-file-store-" + ++threads[0] + "-" + s.id());
                t.setDaemon(true);
                return t;
            });
            long started = System.nanoTime();
            long waitedForReader = 0;
            int chunks = 0;
            int overlapping = 0;
            java.util.ArrayDeque<java.util.concurrent.CompletableFuture<Void>> inFlight = new java.util.ArrayDeque<>();
            java.util.concurrent.CompletableFuture<Void> previous = java.util.concurrent.CompletableFuture.completedFuture(null);
            reader.start();
            while (true) {
                long t = System.nanoTime();
                Object item = ready.take();
                waitedForReader += System.nanoTime() - t;
                if (item == end) {
                    for (java.util.concurrent.CompletableFuture<Void> f : inFlight) {
                        stored(f);
                    }
                    // where the time went: waiting for the reader (parse, validate, derive) against storing
                    LOG.info("Credit file {} processed: {} record(s) in {} chunk(s), {} ms; {} ms of it waiting for"
                            + " the reader; {} chunk(s) stored after their predecessor (a decision in both)", s.id(),
                            s.recordCount() - file.processedCount(), chunks, (System.nanoTime() - started) / 1_000_000,
                            waitedForReader / 1_000_000, overlapping);
                    break;
                }
                if (item instanceof java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (item instanceof RuntimeException e) {
                    throw e;
                }
                if (item instanceof Error e) {
                    throw e;
                }
                FileChunk chunk = (FileChunk) item;
                chunks++;
                if (inFlight.size() == CHUNKS_IN_FLIGHT) {
                    stored(inFlight.removeFirst());
                }
                if (chunk.namesDecisionOfPrevious()) {
                    overlapping++;
                    stored(previous);
                }
                java.util.concurrent.CompletableFuture<Void> before = previous;
                java.util.concurrent.CompletableFuture<Void> committed = new java.util.concurrent.CompletableFuture<>();
                storers.execute(() -> {
                    try {
                        storeFileChunk(s, chunk.records(), before);
                        committed.complete(null);
                    } catch (RuntimeException | Error e) {
                        committed.completeExceptionally(e);
                    }
                });
                inFlight.addLast(committed);
                previous = committed;
            }
        } catch (ProcessedElsewhere e) {
            // another node holds the progress and reads on
        } catch (InterruptedException e) {
            // shutting down: the message is not taken as handled; its remaining records wait for the next attempt
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while processing credit file " + s.id(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (reader != null) {
                reader.interrupt();
                ready.clear();
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (storers != null) {
                // a chunk still in flight fails once its predecessor has (or is rolled back by the interruption)
                storers.shutdownNow();
                try {
                    storers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lease.close(); // only now: no chunk of this node's is in flight any more
            if (copy != null) {
                try {
                    java.nio.file.Files.deleteIfExists(copy);
                } catch (java.io.IOException e) {
                    // a temporary copy left behind: the system's temp clean-up takes it
                }
            }
        }
    }

    /** Waits until a chunk has committed; its failure is this thread's. */
    private static void stored(java.util.concurrent.CompletableFuture<Void> chunk) throws InterruptedException {
        try {
            chunk.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A chunk of a file's records, evaluated; whether it names a decision the previous chunk also names. */
    private record FileChunk(List<Evaluated> records, boolean namesDecisionOfPrevious) {
    }

    /** The reader's side: the file's records from the progress on, evaluated a chunk at a time, handed over in order. */
    private void readFile(CreditStore.Submission s, CreditStore.StoredFile file, CreditBatchReader.Source csv,
                          java.nio.file.Path workbook, java.nio.charset.Charset charset, LocalDate today,
                          java.util.concurrent.BlockingQueue<Object> ready) throws java.io.IOException, InterruptedException {
        List<CreditStore.SubmittedRecord> chunk = new java.util.ArrayList<>(CHUNK);
        int[] next = {0};
        int skip = file.processedCount();
        java.util.concurrent.atomic.AtomicReference<java.util.Set<String>> previousDecisions =
                new java.util.concurrent.atomic.AtomicReference<>(java.util.Set.of());
        java.util.function.Consumer<Map<String, String>> rows = row -> {
            int index = next[0]++;
            if (index < skip) {
                return;
            }
            chunk.add(new CreditStore.SubmittedRecord(index, row, CreditStore.RecordStatus.RECEIVED, List.of(), null));
            if (chunk.size() == CHUNK) {
                handOver(ready, fileChunk(evaluate(s, chunk, today), previousDecisions));
                chunk.clear();
            }
        };
        try {
            if (workbook == null) {
                CreditBatchReader.readCsv(csv, charset, t -> defaultsOf(s.organisationUscc(), t), t -> { }, rows);
            } else {
                CreditBatchReader.read(workbook, file.fileName(), charset, t -> defaultsOf(s.organisationUscc(), t),
                        t -> { }, rows);
            }
        } catch (Interrupted e) {
            throw e.cause;
        }
        if (!chunk.isEmpty()) {
            ready.put(fileChunk(evaluate(s, chunk, today), previousDecisions));
        }
    }

    /** The chunk with whether it names a decision of the previous chunk ({@code previous} is then this chunk's). */
    private static FileChunk fileChunk(List<Evaluated> records,
                                       java.util.concurrent.atomic.AtomicReference<java.util.Set<String>> previous) {
        java.util.Set<String> decisions = new java.util.HashSet<>();
        boolean overlaps = false;
        for (Evaluated e : records) {
            if (e.record() != null) {
                String key = e.record().naturalKey();
                decisions.add(key);
                overlaps |= previous.get().contains(key);
            }
        }
        previous.set(decisions);
        return new FileChunk(records, overlaps);
    }

    /** Carries an interruption out of the reader's row callback. */
    private static final class Interrupted extends RuntimeException {
        final InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(null, cause, false, false);
            this.cause = cause;
        }
    }

    private static void handOver(java.util.concurrent.BlockingQueue<Object> ready, FileChunk chunk) {
        try {
            ready.put(chunk);
        } catch (InterruptedException e) {
            throw new Interrupted(e);
        }
    }

    /** The predecessor of a chunk did not commit in time: the chunk rolls back and is stored again after it. */
    private static final class PredecessorSlow extends RuntimeException {
        PredecessorSlow() {
            super(null, null, false, false);
        }
    }

    /**
     * One chunk of a file in one transaction, committed after {@code predecessor}; one record per transaction when
     * another transaction stores one of its decisions meanwhile.
     */
    private void storeFileChunk(CreditStore.Submission s, List<Evaluated> chunk,
                                java.util.concurrent.CompletableFuture<Void> predecessor) {
        try {
            try {
                tx.inTransaction(() -> processFileRecords(s, chunk, predecessor));
            } catch (PredecessorSlow e) {
                awaitCommit(predecessor, null); // holding nothing now
                tx.inTransaction(() -> processFileRecords(s, chunk, predecessor));
            }
        } catch (CreditStore.ConcurrentDecisionException e) {
            awaitCommit(predecessor, null); // holding nothing now; the records below need not wait
            for (Evaluated r : chunk) {
                tx.inTransaction(() -> processFileRecords(s, List.of(r), predecessor));
            }
        }
    }

    private Void processFileRecords(CreditStore.Submission s, List<Evaluated> records,
                                    java.util.concurrent.CompletableFuture<Void> predecessor) {
        storeEvaluated(s, records, true);
        awaitCommit(predecessor, PREDECESSOR_WAIT);
        int done = store.lockProgress(s.id()).orElseThrow(ProcessedElsewhere::new);
        int first = records.get(0).index();
        int end = records.get(records.size() - 1).index() + 1;
        if (done > first) {
            throw new ProcessedElsewhere(); // another node is further on: it reads on, this one stops
        } else if (done < first) {
            throw new IllegalStateException("file submission " + s.id() + " processed up to " + done
                    + ", but its next chunk starts at " + first);
        }
        store.setProgress(s.id(), end);
        return null;
    }

    /**
     * Waits for the commit of a chunk's predecessor (at most {@code limit}, then {@link PredecessorSlow}); when the
     * predecessor failed, this chunk fails too (with the same exception when another node holds the file).
     */
    private static void awaitCommit(java.util.concurrent.CompletableFuture<Void> predecessor, java.time.Duration limit) {
        try {
            if (limit == null) {
                predecessor.get();
            } else {
                predecessor.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new PredecessorSlow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a credit file chunk waited for its predecessor", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof ProcessedElsewhere elsewhere) {
                throw elsewhere;
            }
            throw new IllegalStateException("the previous chunk of the file was not stored", e.getCause());
        }
    }

    /** Validates, stores and forwards claimed records; returns the last index, or null when there were none. */
    private Integer processChunk(CreditStore.Submission s, List<CreditStore.SubmittedRecord> chunk, LocalDate today) {
        if (chunk.isEmpty()) {
            return null;
        }
        storeEvaluated(s, evaluate(s, chunk, today), false);
        return chunk.get(chunk.size() - 1).index();
    }

    /** A record checked and derived, not stored yet: {@code record} when valid, otherwise its problems and {@code raw}. */
    private record Evaluated(int index, Map<String, String> raw, CreditStore.NewRecord record, List<FieldProblem> problems) {
    }

    /**
     * Validates and derives a chunk's records: the work that needs no transaction (an organisation lookup apart),
     * so a file's next chunk is evaluated while the previous one is being stored.
     */
    private List<Evaluated> evaluate(CreditStore.Submission s, List<CreditStore.SubmittedRecord> chunk, LocalDate today) {
        Instant now = clock.instant();
        io.govhub.core.calendar.WorkingDayCalendar cal = calendar.calendar();
        List<Evaluated> out = new java.util.ArrayList<>(chunk.size());
        // a chunk's records name a handful of organisations: each is looked up once per chunk, not once per record
        Map<String, Boolean> known = new java.util.HashMap<>();
        java.util.function.Predicate<String> knownOrganisation =
                uscc -> known.computeIfAbsent(uscc, u -> directory.organisation(u).isPresent());
        for (CreditStore.SubmittedRecord r : chunk) {
            CreditRecordParser.Parsed parsed = CreditRecordParser.parse(s.type(), r.raw(), today, knownOrganisation);
            List<FieldProblem> problems = new java.util.ArrayList<>(parsed.problems());
            if (parsed.valid() && s.organisationUscc() != null
                    && !s.organisationUscc().equals(parsed.record().authorityUscc())) {
                problems.add(new FieldProblem(s.type() == RecordType.PERMIT ? "XK_XKJGDM" : "CF_CFJGDM",
                        "CREDIT_NOT_OWN_DECISION", Text.of("只能报送本单位作出的决定",
                        "an officer submits their own organisation's decisions only")));
            }
            // the record as received is kept for a rejected one only (stored with its problems): less to hold while
            // the chunk waits for its transaction
            out.add(problems.isEmpty() ? new Evaluated(r.index(), null, derive(parsed.record(), cal, now), List.of())
                    : new Evaluated(r.index(), r.raw(), null, problems));
        }
        return out;
    }

    /**
     * Stores evaluated records in the caller's transaction: the valid ones (new, update or duplicate), every
     * outcome, and the forwarding of the new and changed ones.
     *
     * @param insert the records have no row yet (a file's): their outcomes are inserted, with the record as
     *               received for the rejected ones; otherwise the waiting rows are updated
     */
    private void storeEvaluated(CreditStore.Submission s, List<Evaluated> evaluated, boolean insert) {
        Map<Integer, Map<String, String>> rejectedRaw = new java.util.HashMap<>();
        List<CreditStore.Outcome> outcomes = new java.util.ArrayList<>(evaluated.size());
        List<Evaluated> valid = new java.util.ArrayList<>(evaluated.size());
        for (Evaluated e : evaluated) {
            if (e.record() != null) {
                valid.add(e);
            } else {
                outcomes.add(new CreditStore.Outcome(e.index(), CreditStore.RecordStatus.REJECTED, e.problems(), null));
                rejectedRaw.put(e.index(), e.raw());
            }
        }
        List<CreditStore.Upsert> stored = storeValid(valid);
        List<CreditForwarding.Item> forwards = new java.util.ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            CreditStore.Upsert u = stored.get(i);
            CreditStore.NewRecord n = valid.get(i).record();
            outcomes.add(new CreditStore.Outcome(valid.get(i).index(), u.status(), List.of(), u.recordId()));
            if (u.status() == CreditStore.RecordStatus.ACCEPTED || u.status() == CreditStore.RecordStatus.UPDATED) {
                Map<String, Object> payload = new java.util.LinkedHashMap<>();
                payload.put("recordType", n.record().type().name());
                payload.put("action", u.status() == CreditStore.RecordStatus.ACCEPTED ? "NEW" : "UPDATE");
                // no fields: the message names the record, whose fields are read when it is sent (forwardingPayload)
                forwards.add(new CreditForwarding.Item(u.recordId(), payload));
            }
        }
        if (insert) {
            store.insertOutcomes(s.id(), outcomes, rejectedRaw);
        } else {
            store.outcomes(s.id(), outcomes);
        }
        forwarding.forwardAll(CreditForwarding.FORWARD, forwards);
    }

    /**
     * Stores the valid records of a chunk (see {@link CreditStore#upsertAll}), each decision the idempotency keys
     * know with the same content acknowledged as a duplicate without the database, and brings the keys up to date
     * with what the database said of the others (see {@link DecisionKeys} for why no key can claim an old version).
     */
    private List<CreditStore.Upsert> storeValid(List<Evaluated> valid) {
        DecisionKeys keys = decisionKeys;
        if (keys == DecisionKeys.NONE || valid.isEmpty()) {
            return store.upsertAll(valid.stream().map(Evaluated::record).toList());
        }
        List<String> naturalKeys = new java.util.ArrayList<>(valid.size());
        Map<String, Integer> occurrences = new java.util.HashMap<>();
        for (Evaluated e : valid) {
            String k = e.record().naturalKey();
            naturalKeys.add(k);
            occurrences.merge(k, 1, Integer::sum);
        }
        // a decision named twice in the chunk goes the database's way: its second version may change the first
        String generationAtStart = store.decisionKeyGeneration();
        Map<String, DecisionKeys.Known> known = keys.known(generationAtStart,
                occurrences.entrySet().stream().filter(o -> o.getValue() == 1).map(Map.Entry::getKey).toList());
        CreditStore.Upsert[] result = new CreditStore.Upsert[valid.size()];
        List<CreditStore.NewRecord> rest = new java.util.ArrayList<>(valid.size());
        List<Integer> restAt = new java.util.ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            DecisionKeys.Known k = known.get(naturalKeys.get(i));
            CreditStore.NewRecord n = valid.get(i).record();
            if (k != null && k.contentHash().equals(n.contentHash())) {
                result[i] = new CreditStore.Upsert(k.recordId(), CreditStore.RecordStatus.DUPLICATE);
            } else {
                rest.add(n);
                restAt.add(i);
            }
        }
        decisionKeyHits.add(valid.size() - rest.size());
        decisionKeyLookups.add(valid.size());
        List<CreditStore.Upsert> stored = store.upsertAll(rest);
        for (int j = 0; j < stored.size(); j++) {
            result[restAt.get(j)] = stored.get(j);
        }
        // the database's answers, in order: a decision changed in the chunk is marked, and gets its last version after
        // the commit; one found unchanged every time it is named is remembered now, while this transaction holds its row
        // (a decision new in the chunk is neither: no key can be there, and it is remembered when it is seen again)
        Map<String, DecisionKeys.Known> changed = new java.util.LinkedHashMap<>();
        Map<String, DecisionKeys.Known> unchanged = new java.util.LinkedHashMap<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        for (int j = 0; j < stored.size(); j++) {
            int i = restAt.get(j);
            CreditStore.Upsert u = stored.get(j);
            String k = naturalKeys.get(i);
            DecisionKeys.Known version = new DecisionKeys.Known(u.recordId(), valid.get(i).record().contentHash());
            switch (u.status()) {
                case UPDATED -> changed.put(k, version);
                case ACCEPTED -> written.add(k);
                default -> unchanged.put(k, version); // DUPLICATE
            }
        }
        // found unchanged, but also written in this chunk (in whichever order): not remembered before the commit
        unchanged.keySet().removeAll(changed.keySet());
        unchanged.keySet().removeAll(written);
        if (!changed.isEmpty()) {
            // read after the rows were taken: a generation started before is seen, so the mark is where readers look
            String generation = store.decisionKeyGeneration();
            String token = UUID.randomUUID().toString();
            if (keys.changing(generation, token, changed.keySet())) {
                tx.afterCommit(() -> keys.changed(generation, token, changed));
            } else {
                store.newDecisionKeyGeneration();
                LOG.warn("Idempotency keys of {} changed decisions could not be marked (Redis unreachable):"
                        + " a new generation of keys starts", changed.size());
            }
        }
        if (!unchanged.isEmpty()) {
            keys.unchanged(generationAtStart, unchanged);
        }
        return java.util.Arrays.asList(result);
    }

    private volatile DecisionKeys decisionKeys = DecisionKeys.NONE;
    private final java.util.concurrent.atomic.LongAdder decisionKeyHits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder decisionKeyLookups = new java.util.concurrent.atomic.LongAdder();

    /** The idempotency keys of decisions to use (Redis); {@link DecisionKeys#NONE} (the default): the database only. */
    public void useDecisionKeys(DecisionKeys keys) {
        this.decisionKeys = keys;
    }

    /** Valid records looked up in the decisions' idempotency keys since start, and how many were duplicates found there. */
    public long[] decisionKeyCounts() {
        return new long[] {decisionKeyLookups.sum(), decisionKeyHits.sum()};
    }

    /**
     * The body a forwarding message of a new or changed record is sent with: the message as queued names the record
     * ({@code recordType}, {@code action}, {@code recordId}); its fields are added here, as the record is at the
     * moment of sending (for a record changed before its first message went out, the latest version). A body that
     * already carries fields (queued before this was so), and other messages, are sent as they are.
     */
    public String forwardingPayload(String queued) {
        try {
            com.fasterxml.jackson.databind.JsonNode p = JSON.readTree(queued);
            if (p.has("fields") || !p.has("action") || !p.path("recordId").canConvertToLong()) {
                return queued;
            }
            long id = p.path("recordId").asLong();
            return store.fieldsJson(id).map(fields -> {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("recordType", p.path("recordType").asText());
                body.put("action", p.path("action").asText());
                body.put("fields", new com.fasterxml.jackson.databind.util.RawValue(fields));
                body.put("recordId", id);
                return json(body);
            }).orElse(queued);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return queued; // not JSON: the transport reports it
        }
    }

    /** What the hub derives from a valid record: deadline and punctuality, the public (masked) fields, publicity. */
    private CreditStore.NewRecord derive(CreditRecord record, io.govhub.core.calendar.WorkingDayCalendar cal, Instant now) {
        LocalDate due = null;
        Integer late = null;
        try {
            due = PublicationDeadline.due(cal, record.decisionDate());
            late = PublicationDeadline.status(cal, record.decisionDate(), LocalDate.ofInstant(now, CHINA), null)
                    .workingDaysLate();
        } catch (io.govhub.core.calendar.CalendarYearUnknownException e) {
            // a year's holiday notice is not loaded yet: the record is published, its punctuality stays unknown
        }
        Map<String, String> publicFields = CreditPublicView.of(record);
        String subject = publicFields.getOrDefault(record.type().field("XDR_MC"), "");
        return new CreditStore.NewRecord(record, record.naturalKey(), contentHash(record), subject, due, now, late,
                publicity.period(record), io.govhub.core.shared.JsonText.object(record.fields()),
                // kept only when the masking changed something (V10): most decisions are about companies
                publicFields.equals(record.fields()) ? null : io.govhub.core.shared.JsonText.object(publicFields));
    }

    public CreditStore.Submission submission(Actor actor, String id) {
        // someone else's submission is answered as a missing one: the answer does not tell that it exists
        return store.submission(id).filter(s -> actor != null && (actor.username().equals(s.submittedBy())
                        || actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN)))
                .orElseThrow(() -> new GovhubException(ErrorCode.RESOURCE_NOT_FOUND,
                        Text.of("报送 " + PersonalDataMasker.maskFreeText(id) + " 不存在", "No submission " + id)));
    }

    /** A page of a submission's outcomes (see {@link CreditStore#outcomePage}); the caller has checked access. */
    public List<CreditStore.SubmittedRecord> outcomePage(String id, int afterIndex, int limit) {
        return store.outcomePage(id, afterIndex, limit);
    }

    /** A submission with how many of its records have each status. */
    public record SubmissionSummary(CreditStore.Submission submission, Map<CreditStore.RecordStatus, Integer> counts) {
    }

    /** The actor's own latest submissions (at most {@code limit}), newest first, with their counts. */
    public List<SubmissionSummary> ownSubmissions(Actor actor, int limit) {
        if (actor == null || !actor.has(Role.CREDIT_OFFICER)) {
            throw GovhubException.of(ErrorCode.ACCESS_DENIED);
        }
        return store.submissionsBy(actor.username(), limit).stream()
                .map(s -> new SubmissionSummary(s, store.statusCounts(s.id()))).toList();
    }

    public Map<CreditStore.RecordStatus, Integer> statusCounts(String id) {
        return store.statusCounts(id);
    }

    /**
     * A deadline warning (预警): a decision whose 7-working-day publication deadline is near (at most
     * {@code workingDaysLeft} working days left) or passed, and that is not published and acknowledged yet.
     *
     * @param level NEAR_DEADLINE or OVERDUE
     */
    public record DeadlineWarning(String kind, String level, RecordType type, String authorityUscc, String documentNumber,
                                  LocalDate decisionDate, LocalDate dueDate, Integer workingDaysLeft, String submissionId,
                                  Long recordId) {
    }

    /**
     * The deadline warnings of the last 60 days' submissions: rejected records not resubmitted and accepted records the
     * credit platform has not acknowledged, whose deadline is at most {@code warnAtWorkingDaysLeft} working days away or
     * passed. A CREDIT_OFFICER sees their organisation's; SUPERVISOR and ADMIN all.
     */
    public List<DeadlineWarning> warnings(Actor actor, int warnAtWorkingDaysLeft) {
        boolean all = actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
        if (!all && !(actor.has(Role.CREDIT_OFFICER) && actor.organisationUscc() != null)) {
            throw GovhubException.of(ErrorCode.ACCESS_DENIED);
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<DeadlineWarning> out = new java.util.ArrayList<>();
        for (CreditStore.AtRisk r : store.atRisk(clock.instant().minus(java.time.Duration.ofDays(60)))) {
            if (!all && !actor.organisationUscc().equals(r.authorityUscc())) {
                continue;
            }
            if (r.decisionDate() == null) {
                continue; // a rejected record without a readable decision date: its own rejection says so
            }
            try {
                LocalDate due = PublicationDeadline.due(calendar.calendar(), r.decisionDate());
                int left = calendar.workingDaysBetween(today, due);
                if (left <= warnAtWorkingDaysLeft) {
                    out.add(new DeadlineWarning(r.kind(), today.isAfter(due) ? "OVERDUE" : "NEAR_DEADLINE", r.type(),
                            r.authorityUscc(), r.documentNumber(), r.decisionDate(), due, left, r.submissionId(),
                            r.recordId()));
                }
            } catch (io.govhub.core.calendar.CalendarYearUnknownException e) {
                // the year's holiday notice is not loaded: no deadline to warn about yet
            }
        }
        out.sort(java.util.Comparator.comparing(DeadlineWarning::dueDate));
        return out;
    }

    /** One published record as the public sees it today (masked); RESOURCE_NOT_FOUND when it is not public. */
    public CreditStore.PublicRecord publicRecord(long id) {
        return store.publicRecord(id, LocalDate.now(clock.withZone(CHINA))).orElseThrow(() -> new GovhubException(
                ErrorCode.RESOURCE_NOT_FOUND, Text.of("该信用信息不存在或已不在公示期内", "No such record in the public view")));
    }

    /** The public view as of today: records whose publicity period has ended are no longer in it. */
    public List<CreditStore.PublicRecord> search(CreditStore.PublicQuery q) {
        return store.search(q);
    }

    /**
     * Revokes (撤销) a decision of the officer's organisation: it leaves the public view at once; the record and its
     * history stay, and the revocation is audited.
     */
    public void revoke(Actor actor, RecordType type, String documentNumber, String reason) {
        CreditStore.StoredRecord r = ownRecord(actor, type, documentNumber);
        requireText(reason, "reason", "撤销原因");
        tx.inTransaction(() -> {
            store.revoke(r.id(), reason.strip());
            forwarding.forward(CreditForwarding.REVOCATION, r.id(), Map.of("recordType", type.name(),
                    "authorityUscc", r.authorityUscc(), "documentNumber", documentNumber.strip(), "reason", reason.strip()));
            audit.record(AuditEvent.of("CREDIT_REVOKED", actor.username(), reason.strip(),
                    Map.of("type", type.name(), "documentNumber", documentNumber)));
            return null;
        });
    }

    /**
     * Credit repair (信用修复): publicity of a penalty ends at once (its last public day was yesterday), by the repair decision {@code repairDocument}; possible
     * only after the minimum publicity period of the rules.
     */
    public LocalDate repair(Actor actor, RecordType type, String documentNumber, String repairDocument) {
        if (type != RecordType.PENALTY) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of("信用修复只适用于行政处罚信息",
                    "credit repair applies to penalties only"));
        }
        CreditStore.StoredRecord r = ownRecord(actor, type, documentNumber);
        requireText(repairDocument, "repairDocument", "信用修复决定文书号");
        CreditRecordParser.Parsed parsed = CreditRecordParser.parse(type, r.fields(), LocalDate.now(clock.withZone(CHINA)),
                uscc -> true);
        LocalDate earliest = publicity.minimumEnd(parsed.record());
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (today.isBefore(earliest)) {
            throw new GovhubException(ErrorCode.CREDIT_REPAIR_TOO_EARLY, Text.of(
                    "最短公示期至 " + earliest + " 届满，届满后方可信用修复",
                    "the minimum publicity period lasts until " + earliest + "; repair is possible after it"));
        }
        LocalDate lastPublicDay = today.minusDays(1); // out of the public view from today on
        tx.inTransaction(() -> {
            store.repair(r.id(), lastPublicDay, repairDocument.strip());
            forwarding.forward(CreditForwarding.REPAIR, r.id(), Map.of("recordType", type.name(),
                    "authorityUscc", r.authorityUscc(), "documentNumber", documentNumber.strip(),
                    "repairDocument", repairDocument.strip(), "lastPublicDay", lastPublicDay.toString()));
            audit.record(AuditEvent.of("CREDIT_REPAIRED", actor.username(), repairDocument.strip(),
                    Map.of("type", type.name(), "documentNumber", documentNumber)));
            return null;
        });
        return lastPublicDay;
    }

    private CreditStore.StoredRecord ownRecord(Actor actor, RecordType type, String documentNumber) {
        if (actor == null || !actor.has(Role.CREDIT_OFFICER) || actor.organisationUscc() == null) {
            throw new GovhubException(ErrorCode.ACCESS_DENIED, Text.of("只有决定机关的信用信息报送人员可以操作",
                    "only a credit officer of the deciding organisation may do this"));
        }
        requireText(documentNumber, "documentNumber", "决定文书号");
        String key = type.prefix() + "|" + actor.organisationUscc() + "|" + documentNumber.strip();
        return store.find(key).orElseThrow(() -> new GovhubException(ErrorCode.RESOURCE_NOT_FOUND, Text.of(
                "本单位没有文书号为 " + documentNumber + " 的" + type.label() + "信息",
                "your organisation has no " + type.name().toLowerCase() + " with document number " + documentNumber)));
    }

    private static void requireSubmitter(Actor actor) {
        if (actor == null || !(actor.has(Role.CREDIT_OFFICER) || actor.has(Role.PARTNER_SYSTEM))) {
            throw new GovhubException(ErrorCode.ACCESS_DENIED, Text.of("只有信用信息报送人员和对接系统可以报送",
                    "only credit officers and partner systems submit decisions"));
        }
        if (actor.organisationUscc() == null) {
            // an officer or partner system acts for its own organisation only: one bound to none submits nothing
            throw new GovhubException(ErrorCode.ACCESS_DENIED, Text.of("账号未绑定机构，不能报送信用信息",
                    "this account is bound to no organisation, so it cannot submit decisions"));
        }
    }

    /**
     * Records that name another deciding authority: the whole request is refused at once (403, every such record
     * with its field), nothing is stored. (In batch files, which are read later, such rows are rejected one by one
     * with CREDIT_NOT_OWN_DECISION.)
     */
    private static void requireOwnDecisions(Actor actor, RecordType type, List<Map<String, String>> records) {
        String field = type == RecordType.PERMIT ? "XK_XKJGDM" : "CF_CFJGDM";
        List<FieldProblem> others = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String authority = records.get(i) == null ? null : records.get(i).get(field);
            if (authority != null && !authority.isBlank()
                    && !io.govhub.core.identity.Identifiers.normalise(authority).equals(actor.organisationUscc())) {
                others.add(new FieldProblem("records[" + i + "]." + field, "CREDIT_NOT_OWN_DECISION",
                        Text.of("只能报送本单位作出的决定", "submit your own organisation's decisions only")));
            }
        }
        if (!others.isEmpty()) {
            throw new GovhubException(ErrorCode.ACCESS_DENIED, Text.of(others.size() + " 条记录的决定机关不是本单位",
                    others.size() + " record(s) name another deciding authority"), others);
        }
    }

    private static void requireText(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of("缺少" + label, field + " is missing"),
                    List.of(new FieldProblem(field, ErrorCode.REQUEST_FIELD_INVALID.name(), Text.of("必填", "required"))));
        }
    }

    /** The compliance report of a period (SUPERVISOR or ADMIN): per deciding organisation, on time or late. */
    public List<CreditStore.ComplianceLine> compliance(Actor actor, LocalDate from, LocalDate to, String divisionCode) {
        if (actor == null || !(actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN))) {
            throw new GovhubException(ErrorCode.ACCESS_DENIED, Text.of("只有督查人员可以查看报告", "supervisors only"));
        }
        if (from == null || to == null || to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of("期间应为 from ≤ to，且不超过 5 年",
                    "the period must have from <= to and span at most 5 years"));
        }
        return store.compliance(from, to, divisionCode);
    }

    static String contentHash(CreditRecord r) {
        StringBuilder b = new StringBuilder();
        // the fields are kept sorted by code (CreditRecord): the hash does not depend on the order they came in
        r.fields().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return io.govhub.core.audit.MessageBodies.sha256(b.toString());
    }
}
