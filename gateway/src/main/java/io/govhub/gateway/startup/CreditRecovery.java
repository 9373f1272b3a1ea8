package io.govhub.gateway.startup;

import io.govhub.core.credit.CreditIntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Every {@code govhub.credit.recovery-interval} (60 s), hands back to the queue the credit submissions whose records
 * still wait after {@code govhub.credit.recovery-grace} (2 min), so that a message lost between a commit and the
 * broker (a crash, a broker that is down or restarted) delays a submission but never loses it.
 * With several nodes, one node at a time does it (ShedLock); processing would be idempotent anyway.
 */
@Component
public class CreditRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(CreditRecovery.class);
    private final CreditIntakeService intake;
    private final io.govhub.core.shared.SingletonJobs jobs;
    private final Duration grace;
    private final Duration interval;

    public CreditRecovery(CreditIntakeService intake, io.govhub.core.shared.SingletonJobs jobs,
                          @org.springframework.beans.factory.annotation.Value("${govhub.credit.recovery-grace:2m}") Duration grace,
                          @org.springframework.beans.factory.annotation.Value("${govhub.credit.recovery-interval:60s}") Duration interval) {
        this.intake = intake;
        this.jobs = jobs;
        this.grace = grace;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${govhub.credit.recovery-interval:60s}", fixedDelayString = "${govhub.credit.recovery-interval:60s}")
    public void requeue() {
        jobs.run("credit-recovery", Duration.ofMinutes(5), interval.dividedBy(2), () -> {
            int n = intake.requeueWaiting(grace);
            if (n > 0) {
                LOG.warn("Handed {} waiting credit submission(s) back to the queue", n);
            }
        });
    }
}
