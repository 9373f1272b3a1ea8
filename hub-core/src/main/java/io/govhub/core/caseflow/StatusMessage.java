package io.govhub.core.caseflow;

import java.time.Instant;
import java.util.Map;

/**
 * A status message from the handling system about one case.
 *
 * @param eventId    the sender's id of the message (for its own tracing)
 * @param sequence   1, 2, 3… per case, in the order the handling system produced them; the hub applies messages in
 *                   this order whatever order they arrive in, and holds a message until those before it have come
 * @param type       what happened
 * @param occurredAt when it happened at the handling system
 * @param details    type-specific fields: unit, handler, opinion, action (通过/退回/其他), procedure (听证, 检验…),
 *                   promisedDate, result, licenceNumber, validUntil, delivery, reason
 */
public record StatusMessage(String eventId, int sequence, StatusMessageType type, Instant occurredAt,
                            Map<String, Object> details) {

    public StatusMessage {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
