package io.govhub.connectors.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.govhub.core.audit.MessageLog;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.delivery.OutboxEntry;
import io.govhub.core.delivery.RetryPolicy;
import io.govhub.core.shared.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends outbox messages to partner systems, at least once, with one error policy for all partners:
 * <ul>
 *   <li>a circuit breaker per partner (resilience4j): while it is open, messages to that partner wait without
 *   spending their retry budget, so an outage of hours loses nothing and needs no manual step when it ends;</li>
 *   <li>failures the partner answered (5xx) are retried with exponential backoff and jitter, up to the retry budget;
 *   then the message moves to the dead letter, where an administrator inspects and replays it;</li>
 *   <li>refusals (4xx: the partner will never take this message) go to the dead letter at once, with the reason;</li>
 *   <li>an unreachable partner (connection refused, timeout, 502/503/504, 429) is retried with backoff without
 *   spending the budget, until the message is older than {@code maxAge}.</li>
 * </ul>
 * Every attempt is written to the message log. Receivers must be idempotent (a message can arrive twice when a node
 * dies between sending and recording it).
 */
public class DeliveryRelay {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRelay.class);
    private final DeliveryOutbox outbox;
    private final PartnerRegistry partners;
    private final Map<String, PartnerTransport> transports;
    private final MessageLog messageLog;
    private final RetryPolicy policy;
    private final Duration lease;
    private final Duration maxAge;
    private final int batchSize;
    private final CircuitBreakerRegistry breakers;
    private final Map<String, java.util.function.UnaryOperator<String>> bodies;
    private final Clock clock;
    private final long openWait;
    private final Map<String, Instant> openedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final Transactions tx;

    /**
     * @param bodies per message kind, what turns the body as queued into the body sent (a message that names a
     *               record gets the record's fields when it is sent); the message log keeps the body sent
     * @param tx     the claim and the log records of its attempts are one transaction; the outbox's claim and
     *               outcome statements commit without waiting for the database's disk (see {@link DeliveryOutbox}):
     *               if the database loses them in a crash, the message is simply sent again, which receivers absorb
     */
    public DeliveryRelay(DeliveryOutbox outbox, PartnerRegistry partners, List<PartnerTransport> transports,
                         MessageLog messageLog, RetryPolicy policy, Duration lease, Duration maxAge, int batchSize,
                         CircuitBreakerConfig breakerConfig,
                         Map<String, java.util.function.UnaryOperator<String>> bodies, Clock clock, Transactions tx) {
        this.bodies = Map.copyOf(bodies);
        this.tx = tx;
        this.outbox = outbox;
        this.partners = partners;
        this.transports = transports.stream().collect(java.util.stream.Collectors.toMap(PartnerTransport::protocol, t -> t));
        this.messageLog = messageLog;
        this.policy = policy;
        this.lease = lease;
        this.maxAge = maxAge;
        this.batchSize = batchSize;
        this.breakers = CircuitBreakerRegistry.of(breakerConfig);
        this.openWait = breakerConfig.getWaitIntervalFunctionInOpenState().apply(1);
        breakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(t -> {
                    if (t.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                        openedAt.put(t.getCircuitBreakerName(), clock.instant());
                    }
                }));
        this.clock = clock;
    }

    /** Default breaker: opens when half of the last 10 calls (at least 5) failed; probes again after {@code open}. */
    public static CircuitBreakerConfig breakerConfig(Duration open) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(open).permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    /** Sends one message now, if it is due and not claimed elsewhere (a replay, a clerk's "send again"). */
    public void deliver(long id) {
        deliver(List.of(id));
    }

    /**
     * Sends these messages now, those of them that are due and not claimed elsewhere (the ids just committed, handed
     * over by {@link ImmediateDelivery} in a batch when several wait).
     */
    public void deliver(java.util.Collection<Long> ids) {
        send(() -> outbox.claim(ids, lease));
    }

    /** Sends what is due; returns how many were attempted. Every node sweeps; claims keep them apart. */
    public int sweep() {
        int total = 0;
        for (int round = 0; round < 20; round++) {
            java.util.Set<String> skip = waiting();
            int claimed = send(() -> outbox.claimDue(batchSize, lease, skip));
            total += claimed;
            if (claimed < batchSize) {
                break;
            }
        }
        return total;
    }

    /**
     * Partners whose circuit is open on this node and still within its open wait: the sweep leaves their messages in
     * the table. Once the wait is over they are claimed again, and the first attempt probes the partner (half-open).
     */
    private java.util.Set<String> waiting() {
        Instant now = clock.instant();
        java.util.Set<String> skip = new java.util.HashSet<>();
        for (CircuitBreaker b : breakers.getAllCircuitBreakers()) {
            Instant opened = openedAt.get(b.getName());
            if (b.getState() == CircuitBreaker.State.OPEN && opened != null && opened.plusMillis(openWait).isAfter(now)) {
                skip.add(b.getName());
            }
        }
        return skip;
    }

    /** The state of each partner's circuit (CLOSED, OPEN, HALF_OPEN) on this node. */
    public Map<String, String> circuits() {
        return breakers.getAllCircuitBreakers().stream()
                .collect(java.util.stream.Collectors.toMap(CircuitBreaker::getName, b -> b.getState().name()));
    }

    /** A claimed message that may be sent: its partner, transport and the breaker's permission are settled. */
    private record Ready(OutboxEntry entry, PartnerSystem partner, PartnerTransport transport, CircuitBreaker breaker) {
    }

    /**
     * Claims, logs, sends and records a batch: the claim and the log records of the attempts in one transaction, then
     * the sends one after the other, then the deliveries and their effects in one statement. Returns how many
     * messages were claimed.
     */
    private int send(java.util.function.Supplier<List<OutboxEntry>> claim) {
        List<Ready> acquired = new java.util.ArrayList<>();
        int[] claimedCount = {0};
        List<Ready> ready;
        try {
            ready = tx.inTransaction(() -> {
                List<OutboxEntry> claimed = claim.get();
                claimedCount[0] = claimed.size();
                List<Ready> out = new java.util.ArrayList<>(claimed.size());
                Map<String, Optional<PartnerSystem>> partnersOfBatch = new java.util.HashMap<>();
                for (OutboxEntry queued : claimed) {
                    prepare(queued, partnersOfBatch.computeIfAbsent(queued.partnerId(), partners::partner), acquired)
                            .ifPresent(out::add);
                }
                messageLog.recordAll(out.stream().map(r -> new MessageLog.Message(r.partner().id(),
                        MessageLog.Direction.OUT, r.entry().kind(), "outbox-" + r.entry().id() + "#" + r.entry().attempts(),
                        caseNumber(r.entry()), r.entry().payload(), r.partner().logBodies())).toList());
                return out;
            });
        } catch (RuntimeException e) {
            // nothing was claimed after all: a half-open circuit's trial call must not stay taken
            acquired.forEach(r -> r.breaker().releasePermission());
            throw e;
        }
        List<Ready> delivered = new java.util.ArrayList<>(ready.size());
        for (Ready r : ready) {
            if (attempt(r)) {
                delivered.add(r);
            }
        }
        // the outcome and its effect (a case becomes DISPATCHED) are one statement of the outbox's
        outbox.delivered(delivered.stream().map(r -> r.entry().id()).toList());
        return claimedCount[0];
    }

    /**
     * What a claimed message needs before it is sent (in the claim's transaction): the body it is sent with, an
     * enabled partner, a transport for its protocol, the partner's circuit letting a call through. Otherwise the
     * message is put back for later, or to the dead letter, and nothing is returned.
     */
    private Optional<Ready> prepare(OutboxEntry queued, Optional<PartnerSystem> partner, List<Ready> acquired) {
        java.util.function.UnaryOperator<String> body = bodies.get(queued.kind());
        OutboxEntry e = body == null ? queued : queued.withPayload(body.apply(queued.payload()));
        if (partner.isEmpty() || !partner.get().enabled()) {
            outbox.deferred(e.id(), clock.instant().plus(Duration.ofMinutes(1)));
            return Optional.empty();
        }
        PartnerSystem p = partner.get();
        PartnerTransport transport = transports.get(p.protocol());
        if (transport == null) {
            outbox.dead(e.id(), "no transport for protocol " + p.protocol());
            return Optional.empty();
        }
        CircuitBreaker breaker = breakers.circuitBreaker(p.id());
        if (!breaker.tryAcquirePermission()) {
            outbox.deferred(e.id(), clock.instant().plus(policy.delay(1)));
            return Optional.empty();
        }
        Ready r = new Ready(e, p, transport, breaker);
        acquired.add(r);
        return Optional.of(r);
    }

    /** Sends one message; true when the partner acknowledged it (a failure is recorded here). */
    private boolean attempt(Ready r) {
        OutboxEntry e = r.entry();
        PartnerSystem p = r.partner();
        long started = System.nanoTime();
        try {
            r.transport().send(p, e);
            r.breaker().onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return true;
        } catch (PartnerTransport.DeliveryFailure f) {
            r.breaker().onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, f);
            failed(e, p, f);
        } catch (RuntimeException bug) {
            r.breaker().onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, bug);
            LOG.error("Delivery {} to {} failed unexpectedly", e.id(), p.id(), bug);
            retryOrDead(e, "internal error: " + bug.getClass().getSimpleName());
        }
        return false;
    }

    private void failed(OutboxEntry e, PartnerSystem p, PartnerTransport.DeliveryFailure f) {
        switch (f.kind()) {
            case PERMANENT -> {
                LOG.warn("Delivery {} ({} {}) refused by {}: {}; moved to the dead letter", e.id(), e.kind(), e.ref(), p.id(),
                        f.getMessage());
                outbox.dead(e.id(), f.getMessage());
            }
            case UNREACHABLE -> {
                Instant created = e.createdAt() == null ? clock.instant() : e.createdAt();
                if (created.plus(maxAge).isBefore(clock.instant())) {
                    outbox.dead(e.id(), "unreachable for longer than " + maxAge + ": " + f.getMessage());
                } else {
                    // an outage: wait, but do not spend the retry budget
                    outbox.deferred(e.id(), clock.instant().plus(policy.delay(Math.max(1, e.attempts()))));
                    LOG.debug("Delivery {} to {} deferred: {}", e.id(), p.id(), f.getMessage());
                }
            }
            case RETRYABLE -> retryOrDead(e, f.getMessage());
        }
    }

    private void retryOrDead(OutboxEntry e, String why) {
        if (policy.exhausted(e.attempts())) {
            LOG.warn("Delivery {} ({} {}) failed {} times; moved to the dead letter: {}", e.id(), e.kind(), e.ref(),
                    e.attempts(), why);
            outbox.dead(e.id(), why);
        } else {
            outbox.failed(e.id(), why, clock.instant().plus(policy.delay(e.attempts())));
        }
    }

    private static String caseNumber(OutboxEntry e) {
        return e.kind().startsWith("CASE_") ? e.ref() : null;
    }
}
