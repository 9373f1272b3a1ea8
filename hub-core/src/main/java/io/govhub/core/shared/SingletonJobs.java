package io.govhub.core.shared;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs scheduled jobs that must not run on two nodes at once (polling partner systems, handing lost submissions back
 * to the queue, archiving the message log) under a ShedLock lock in the shared database: every node's scheduler
 * fires, the node that takes the lock runs the job, the others skip this round. A node that dies holding a lock
 * holds it at most {@code atMostFor}; then another node takes over.
 *
 * <p>Work that is safe in parallel is not run through here: the outbox relay claims its messages with
 * {@code FOR UPDATE SKIP LOCKED} (every node sends, none sends the same message), and the message-log sealer
 * serialises on its head row.
 */
public class SingletonJobs {

    private final LockingTaskExecutor executor;

    public SingletonJobs(LockProvider provider) {
        this.executor = new DefaultLockingTaskExecutor(provider);
    }

    /**
     * Runs {@code task} if no other node holds the job's lock; returns whether it ran here.
     *
     * @param atMostFor  how long the lock outlives a node that died running the job
     * @param atLeastFor how long the lock is kept after a quick run (so that another node's scheduler, firing a
     *                   moment later, does not run the job again in the same round)
     */
    public boolean run(String job, Duration atMostFor, Duration atLeastFor, Runnable task) {
        LockingTaskExecutor.TaskResult<Boolean> r;
        try {
            r = executor.executeWithLock(() -> {
                task.run();
                return Boolean.TRUE;
            }, new LockConfiguration(Instant.now(), job, atMostFor, atLeastFor));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return r.wasExecuted();
    }
}
