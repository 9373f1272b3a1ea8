package io.govhub.core.delivery;

import java.time.Instant;

/**
 * A message to a partner system, waiting, delivered or dead.
 *
 * @param kind     CASE_DISPATCH, CASE_WITHDRAWAL, CREDIT_FORWARD…
 * @param ref      the case number or record the message is about; messages with one ref go out in order
 * @param payload  the body (JSON)
 * @param attempts attempts made so far
 */
public record OutboxEntry(long id, String kind, String partnerId, String ref, String payload, String status,
                          int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                          Instant deliveredAt) {

    /** The same message with another body (as it is sent, when the body as queued only names what to send). */
    public OutboxEntry withPayload(String body) {
        return new OutboxEntry(id, kind, partnerId, ref, body, status, attempts, nextAttemptAt, lastError, createdAt,
                deliveredAt);
    }
}
