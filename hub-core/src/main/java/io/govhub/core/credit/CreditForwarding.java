package io.govhub.core.credit;

import java.util.Map;

/**
 * Port: carries accepted records, revocations (撤销) and credit repairs (信用修复) to the credit platform(s), in the
 * transaction that makes them (an outbox: nothing is lost, order per record is kept).
 */
public interface CreditForwarding {

    /** A new or changed record, in the national field layout. */
    String FORWARD = "CREDIT_FORWARD";
    /** The decision was revoked: the platform takes it out of publicity. */
    String REVOCATION = "CREDIT_REVOCATION";
    /** Publicity ended early by credit repair. */
    String REPAIR = "CREDIT_REPAIR";

    void forward(String kind, long recordId, Map<String, Object> payload);

    /** One record to forward, for {@link #forwardAll}. */
    record Item(long recordId, Map<String, Object> payload) {
    }

    /** Many records of one kind, in order (a bulk submission's chunk); the same as {@link #forward} one by one. */
    default void forwardAll(String kind, java.util.List<Item> items) {
        items.forEach(i -> forward(kind, i.recordId(), i.payload()));
    }

    /**
     * A record's forwarding as callers read it, from the state of its outbox messages (ref {@code credit-<id>}):
     * FORWARDING (queued or being retried), ACKNOWLEDGED (the platform took it), FORWARD_FAILED (dead letter); null
     * when nothing was forwarded.
     */
    static String status(String outboxState) {
        if (outboxState == null) {
            return null;
        }
        return switch (outboxState) {
            case "DELIVERED" -> "ACKNOWLEDGED";
            case "DEAD" -> "FORWARD_FAILED";
            case "PENDING" -> "FORWARDING";
            default -> null;
        };
    }

    CreditForwarding NONE = (kind, recordId, payload) -> { };
}
