package io.govhub.core.credit;

import io.govhub.core.shared.FieldProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: where submissions and credit records are kept. */
public interface CreditStore {

    enum RecordStatus { RECEIVED, ACCEPTED, UPDATED, DUPLICATE, REJECTED }

    record Submission(String id, RecordType type, String organisationUscc, String submittedBy, String channel,
                      Instant receivedAt, int recordCount) {
    }

    record SubmittedRecord(int index, Map<String, String> raw, RecordStatus status, List<FieldProblem> problems,
                           Long recordId) {
    }

    void saveSubmission(Submission submission, List<Map<String, String>> records);

    Optional<Submission> submission(String id);

    long submissionCount();

    /** The latest {@code limit} submissions one account made, newest first. */
    List<Submission> submissionsBy(String submittedBy, int limit);

    /**
     * The outcomes of up to {@code limit} records with an index above {@code afterIndex}, in index order, without the
     * records as received ({@code raw} empty): the status of a submission of any size, a page at a time.
     */
    List<SubmittedRecord> outcomePage(String submissionId, int afterIndex, int limit);

    /** How many records of a submission have each status. */
    Map<RecordStatus, Integer> statusCounts(String submissionId);

    /** A batch file kept as received: its name, the charset declared with it (null: detected), records processed. */
    record StoredFile(String fileName, String charset, int processedCount) {
    }

    /** Marks a submission as a batch file kept as received (its records are read from it, not stored one by one). */
    void saveFile(String submissionId, String fileName, String charset);

    /** Appends a part of the file's bytes, numbered from 0. */
    void addFilePart(String submissionId, int part, byte[] bytes, int length);

    /** The batch file of a submission, if it was one. */
    Optional<StoredFile> storedFile(String submissionId);

    /**
     * The file's bytes as received, read a part at a time as the stream is read (each part one short query: no
     * transaction stays open while a large file is processed).
     */
    java.io.InputStream openFile(String submissionId);

    /**
     * Locks a file submission's progress for the current transaction: how many of its records (in index order) have
     * their outcome. Empty when another transaction holds it (another node is processing the file). The lock does not
     * keep other transactions from referring to the submission (a chunk's outcomes being inserted meanwhile).
     */
    Optional<Integer> lockProgress(String submissionId);

    /**
     * The current generation of the decisions' idempotency keys ({@link DecisionKeys}), read as committed now (so in a
     * transaction that holds a decision's row, after it took it: a generation started before that is seen; the
     * intake's transactions are READ COMMITTED, each statement sees what is committed when it starts).
     */
    String decisionKeyGeneration();

    /** Starts a new generation of the decisions' keys in the caller's transaction: every key written before is abandoned. */
    void newDecisionKeyGeneration();

    /**
     * Takes the right to process a file submission for as long as the lease is open: one node at a time reads a file
     * and stores its chunks. A database session lock, so it ends with the lease or with the node's connection (a node
     * that dies loses it at once). When another node holds it: empty, unless the file's progress has not moved for
     * {@code takeOverAfter} (that node hangs): then its session is ended, and the lease is this node's.
     */
    Optional<FileLease> leaseFile(String submissionId, java.time.Duration takeOverAfter);

    /**
     * The batch file submissions received before {@code receivedBefore} whose every record has its outcome and whose
     * file is still stored.
     */
    List<String> processedFiles(Instant receivedBefore);

    /**
     * Deletes at most {@code parts} stored parts of a submission's file, in part order; returns how many it deleted
     * (the submission, its outcomes and records stay). For files of {@link #processedFiles} only.
     */
    int deleteFileParts(String submissionId, int parts);

    /** The right to process a file submission, from {@link #leaseFile}; closing it gives the right up. */
    interface FileLease extends AutoCloseable {
        @Override
        void close();
    }

    void setProgress(String submissionId, int processed);

    /**
     * Inserts the outcomes of a chunk of a file's records (they have none before): consecutive records, each once, kept
     * as one row for the chunk (the rejected ones also one each); {@code rejectedRaw} holds the records as received
     * of the rejected ones, kept with their problems.
     */
    void insertOutcomes(String submissionId, List<Outcome> outcomes, Map<Integer, Map<String, String>> rejectedRaw);

    /**
     * A validated record with what the hub derived from it, ready to be stored ({@code naturalKey}: the record's, built
     * once); {@code fieldsJson} and
     * {@code publicFieldsJson} are its fields and public fields as JSON, written once for the store and the forwarding;
     * {@code publicFieldsJson} is null when the public fields are the fields (the masking changed nothing).
     */
    record NewRecord(CreditRecord record, String naturalKey, String contentHash, String subjectPublic,
                     LocalDate dueDate, Instant publishedAt, Integer lateWorkingDays, PublicityRules.Period publicity,
                     String fieldsJson, String publicFieldsJson) {
    }

    /** Stores a validated record: new, an update of the same decision (history kept), or a duplicate. */
    Upsert upsert(NewRecord record);

    /**
     * Stores many validated records in order, in the caller's transaction, as {@link #upsert} would one by one (a
     * decision twice in the list: the second is a duplicate or an update of the first).
     *
     * @throws ConcurrentDecisionException when another transaction stored one of the decisions meanwhile; the caller
     *                                     rolls back and stores the records one by one (a list of one never throws it)
     */
    List<Upsert> upsertAll(List<NewRecord> records);

    /** Another transaction stored the same decision at the same time. */
    class ConcurrentDecisionException extends RuntimeException {
        public ConcurrentDecisionException(Throwable cause) {
            super("a decision of the chunk was stored by another transaction meanwhile", cause);
        }
    }

    record Upsert(long recordId, RecordStatus status) {
    }

    void outcome(String submissionId, int index, RecordStatus status, List<FieldProblem> problems, Long recordId);

    /** The outcome of one submitted record. */
    record Outcome(int index, RecordStatus status, List<FieldProblem> problems, Long recordId) {
    }

    /** Many outcomes of one submission in one statement. */
    void outcomes(String submissionId, List<Outcome> outcomes);

    /**
     * Up to {@code limit} records of a submission still waiting, with an index above {@code afterIndex}, in index
     * order and locked for the current transaction; records another transaction holds are skipped (that one
     * processes them).
     */
    List<SubmittedRecord> claimWaiting(String submissionId, int afterIndex, int limit);

    /**
     * Locks a submitted record for the current transaction and says whether it still waits: two nodes handed the
     * same submission never process the same record twice.
     */
    boolean claim(String submissionId, int index);

    /** A published record as the public sees it. */
    record PublicRecord(long id, RecordType type, String subject, String documentNumber, String authorityUscc,
                        LocalDate decisionDate, LocalDate publicUntil, Map<String, String> fields) {
    }

    /** @param asOf the day whose public view is asked for: records whose publicity ended before it are left out */
    record PublicQuery(String text, RecordType type, String authorityUscc, LocalDate from, LocalDate to, int page, int size,
                       LocalDate asOf) {
    }

    List<PublicRecord> search(PublicQuery query);

    /**
     * A decision at risk of missing its publication deadline, before the warning logic looks at its dates.
     *
     * @param kind            REJECTED_NOT_RESUBMITTED (a rejected record with no accepted record of its decision since)
     *                        or NOT_ACKNOWLEDGED (stored, but the credit platform has not acknowledged it yet)
     * @param decisionDate    as written in the record (a rejected record's date may be malformed: then null)
     */
    record AtRisk(String kind, RecordType type, String authorityUscc, String documentNumber, LocalDate decisionDate,
                  String submissionId, Long recordId) {
    }

    /** Rejected records received since {@code since} whose decision has no accepted record, and unacknowledged ones. */
    List<AtRisk> atRisk(java.time.Instant since);

    /** One record as the public sees it on {@code asOf}; empty when it is not (or no longer) public. */
    java.util.Optional<PublicRecord> publicRecord(long id, LocalDate asOf);

    /** A stored record, for revocation and repair. */
    record StoredRecord(long id, RecordType type, String authorityUscc, Map<String, String> fields, boolean revoked,
                        LocalDate publicityEnd) {
    }

    Optional<StoredRecord> find(String naturalKey);

    /** A stored record's fields (its current version) as JSON; empty when there is no such record. */
    Optional<String> fieldsJson(long recordId);

    /**
     * Submissions with records still waiting that were received before {@code before} (their message was lost); a
     * file only when its progress has not moved since then either (a long file being processed is not handed out
     * again).
     */
    List<String> waitingSince(Instant before);

    void revoke(long id, String reason);

    /** Ends publicity on {@code end} (credit repair), with the repair decision's document number. */
    void repair(long id, LocalDate end, String repairDocument);

    /** One organisation's line in the compliance report. */
    record ComplianceLine(String authorityUscc, String authorityName, String divisionCode, long total, long onTime,
                          long late, long lateWorkingDays, long unknown) {
        public double onTimeRate() {
            return total == 0 ? 0 : (double) onTime / total;
        }
    }

    /** Decisions of a period by deciding organisation: how many were published on time, late, and by how much. */
    List<ComplianceLine> compliance(LocalDate from, LocalDate to, String divisionCode);
}
