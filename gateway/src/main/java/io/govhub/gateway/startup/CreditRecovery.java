package io.govhub.gateway.startup;

import io.govhub.core.credit.CreditIntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Every minute, hands back to the queue the credit submissions whose records still wait after two minutes, so that a
 * message lost between a commit and the broker (a crash, a broker restart) delays a submission but never loses it.
 * With several nodes, one node at a time does it (ShedLock); processing would be idempotent anyway.
 */
@Component
public class CreditRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(CreditRecovery.class);
    static final Duration GRACE = Duration.ofMinutes(2);

    private final CreditIntakeService intake;
    private final io.govhub.core.shared.SingletonJobs jobs;

    public CreditRecovery(CreditIntakeService intake, io.govhub.core.shared.SingletonJobs jobs) {
        this.intake = intake;
        this.jobs = jobs;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    public void requeue() {
        jobs.run("credit-recovery", Duration.ofMinutes(5), Duration.ofSeconds(30), () -> {
            int n = intake.requeueWaiting(GRACE);
            if (n > 0) {
                LOG.warn("Handed {} waiting credit submission(s) back to the queue", n);
            }
        });
    }
}
