package io.govhub.core.caseflow;

import java.time.Instant;
import java.util.Map;

/**
 * A status message as received and what became of it.
 *
 * @param state   APPLIED, HELD (waiting for an earlier message) or ILLEGAL (not a legal move; logged, not applied)
 * @param problem why it is ILLEGAL
 */
public record CaseStep(int sequence, String eventId, StatusMessageType type, Instant occurredAt, Instant receivedAt,
                       Map<String, Object> details, String state, String problem) {
}
