package io.govhub.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the delivery outbox, shared by all nodes. */
public interface DeliveryOutbox {

    /** Adds a message in the caller's transaction; returns its id. */
    long enqueue(String kind, String partnerId, String ref, String payload);

    /**
     * Claims up to {@code limit} due messages for sending: each is the oldest undelivered one of its ref, and is leased
     * for {@code lease} (no other node claims it meanwhile; if this node dies, it is due again when the lease ends).
     * The claim counts an attempt.
     */
    List<OutboxEntry> claimDue(int limit, Duration lease);

    /** Claims one message by id, under the same conditions as {@link #claimDue}. */
    Optional<OutboxEntry> claim(long id, Duration lease);

    void delivered(long id);

    /** A failed attempt: due again at {@code next}. */
    void failed(long id, String error, Instant next);

    /** Not attempted after all (e.g. the circuit is open): gives the attempt back, due again at {@code next}. */
    void deferred(long id, Instant next);

    /** The retry budget is spent: the message moves to the dead letter. */
    void dead(long id, String error);

    List<OutboxEntry> list(String status, int limit);

    /** Moves a dead message back to the queue with a fresh budget; false when it is not dead. */
    boolean replay(long id, String by);

    /** Counts per status. */
    java.util.Map<String, Long> counts();
}
