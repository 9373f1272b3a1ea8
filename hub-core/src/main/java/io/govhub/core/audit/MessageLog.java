package io.govhub.core.audit;

import java.time.Instant;
import java.util.List;

/**
 * Port: the message log (报文日志, X-Road's idea): every message crossing the hub boundary, in and out, with its peer,
 * operation, correlation id, case number and the hash of its body; the body itself (masked, capped) unless the peer
 * is "metadata only". Records are chained by hash soon after they are written ({@link #seal()}, every second), so a
 * changed, removed or inserted record is found by {@link #verify()}.
 */
public interface MessageLog {

    /** IN: a message to the hub; OUT: a message the hub sent. */
    enum Direction { IN, OUT }

    /**
     * @param peer          the account, client or partner system on the other side
     * @param operation     e.g. CASE_SUBMIT, CASE_DISPATCH, CASE_STATUS, CREDIT_SUBMIT
     * @param correlationId ties the messages of one exchange together (a request id, an outbox id)
     * @param caseNumber    the case it concerns, if any
     * @param body          the body as sent or received (masked before it is stored)
     * @param keepBody      false: store the hash only ("metadata only")
     */
    record Message(String peer, Direction direction, String operation, String correlationId, String caseNumber,
                   String body, boolean keepBody) {
    }

    record Logged(long id, Instant at, String peer, Direction direction, String operation, String correlationId,
                  String caseNumber, String bodyHash, String body) {
    }

    /** {@code records} checked; when not valid, the id of the first record that does not fit the chain. */
    record Verification(long records, boolean valid, Long firstBadRecord) {
    }

    /** Writes a record (in the caller's transaction, if any); it joins the chain when {@link #seal()} next runs. */
    void record(Message m);

    /** Writes several records at once (in the caller's transaction, if any), in list order. */
    default void recordAll(List<Message> messages) {
        messages.forEach(this::record);
    }

    /** Links the records committed since the last seal into the chain; returns how many. */
    int seal();

    /**
     * Moves sealed records older than {@code before} to the archive (with their links: the chain stays whole and
     * verifiable, nothing is deleted); returns how many.
     */
    int archive(Instant before);

    List<Logged> forCase(String caseNumber);

    List<Logged> recent(int limit);

    Verification verify();
}
