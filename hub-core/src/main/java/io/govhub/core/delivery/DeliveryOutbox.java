package io.govhub.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: the delivery outbox, shared by all nodes. A claim and a delivery's outcome are bookkeeping that at-least-once
 * delivery repeats when it is lost: their transactions commit without waiting for the database's disk (visible at once,
 * safe against a crash of this node, lost only if the database server crashes within a fraction of a second), never
 * what a receipt promises.
 */
public interface DeliveryOutbox {

    /** Adds a message in the caller's transaction; returns its id. */
    long enqueue(String kind, String partnerId, String ref, String payload);

    /** Adds many messages of one kind for one partner in the caller's transaction, in list order; refs and payloads pair up. */
    default void enqueueAll(String kind, String partnerId, List<String> refs, List<String> payloads) {
        for (int i = 0; i < refs.size(); i++) {
            enqueue(kind, partnerId, refs.get(i), payloads.get(i));
        }
    }

    /**
     * Claims up to {@code limit} due messages for sending: each is the oldest undelivered one of its ref, and is leased
     * for {@code lease} (no other node claims it meanwhile; if this node dies, it is due again when the lease ends).
     * The claim counts an attempt. Messages to the partners in {@code skipPartners} are left alone (their circuit is
     * open: claiming them only to put them back would churn the table during an outage).
     */
    List<OutboxEntry> claimDue(int limit, Duration lease, java.util.Collection<String> skipPartners);

    /**
     * Claims the messages with these ids that are due now, under the same conditions as {@link #claimDue} (the others
     * are left as they are: not due, claimed elsewhere, behind an older one, or delivered), in id order.
     */
    List<OutboxEntry> claim(java.util.Collection<Long> ids, Duration lease);

    /**
     * The partner acknowledged these messages: they are marked delivered, with the effect configured for their kind
     * (a dispatched case becomes DISPATCHED), all at once.
     */
    void delivered(java.util.Collection<Long> ids);

    /** A failed attempt: due again at {@code next}. */
    void failed(long id, String error, Instant next);

    /** Not attempted after all (e.g. the circuit is open): gives the attempt back, due again at {@code next}. */
    void deferred(long id, Instant next);

    /** The retry budget is spent: the message moves to the dead letter. */
    void dead(long id, String error);

    List<OutboxEntry> list(String status, int limit);

    /** Moves a dead message back to the queue with a fresh budget; false when it is not dead. */
    boolean replay(long id, String by);

    /**
     * Delivery latency (from the commit that queued a message to the partner's acknowledgement) of the messages
     * queued since {@code since}: count, p50, p99 and max in milliseconds, and the span from the first queued to the
     * last delivered.
     */
    Latency latency(Instant since);

    record Latency(long delivered, long pending, double p50Millis, double p99Millis, double maxMillis, double spanSeconds) {
    }

    /**
     * Per ref, where its messages stand: DELIVERED when every one was acknowledged, DEAD when one is in the dead letter,
     * else PENDING. Refs without messages are absent.
     */
    java.util.Map<String, String> stateByRef(List<String> refs);

    /** Counts per status. */
    java.util.Map<String, Long> counts();
}
