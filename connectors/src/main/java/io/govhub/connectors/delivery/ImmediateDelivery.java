package io.govhub.connectors.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The fast path of delivery: a message just committed is sent at once from this node, by a few sender threads; the
 * request thread only hands over its outbox id. A sender takes every id waiting when it gets to work (up to
 * {@code maxBatch}) and delivers them as one batch ({@link DeliveryRelay#deliver(java.util.Collection)}: one claim,
 * one transaction for the log records, one for the outcomes): under a light load a batch is one message and nothing
 * waits for company; under a heavy one the database's work per message falls as the batches grow.
 * <p>
 * Bounded: when {@code capacity} ids wait, further ones are dropped, and the sweep (every node, every
 * {@code govhub.delivery.sweep-interval}) delivers them a moment later. The sweep is the guarantee; this is only the
 * fast path, so nothing is lost when this node stops with ids still waiting.
 */
public class ImmediateDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ImmediateDelivery.class);
    private final DeliveryRelay relay;
    private final BlockingQueue<Long> waiting;
    private final int maxBatch;
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean running = true;

    public ImmediateDelivery(DeliveryRelay relay, int senders, int capacity, int maxBatch) {
        this.relay = relay;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        for (int i = 1; i <= senders; i++) {
            Thread t = new Thread(this::run, "delivery-now-" + i);
            t.setDaemon(true);
            this.senders.add(t);
            t.start();
        }
    }

    /** Hands over an outbox id just committed; false when the queue is full (the sweep will send it). */
    public boolean offer(long outboxId) {
        return waiting.offer(outboxId);
    }

    private void run() {
        List<Long> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, maxBatch - 1);
                relay.deliver(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the sweep delivers them (or records the failure) a little later
                LOG.debug("Immediate delivery of {} outbox messages failed: {}", batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /** Stops the senders; ids still waiting are left to the sweep (of any node). */
    public void stop() {
        running = false;
        senders.forEach(Thread::interrupt);
    }
}
