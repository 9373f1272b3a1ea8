package io.govhub.gateway.startup;

import io.govhub.core.credit.CreditIntakeService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Every hour, on one node at a time (ShedLock), deletes the stored batch files of credit submissions received more
 * than {@code govhub.credit.batch-file-retention} (180 days) ago whose every record has its outcome: the bytes as
 * received, with natural persons' ID numbers and phones in clear, are not kept once they have served their purpose
 * (the outcomes, the stored decisions and the file's SHA-256 in the message log stay). {@code 0} keeps them.
 */
@Component
public class CreditFileRetention {

    private final CreditIntakeService intake;
    private final io.govhub.core.shared.SingletonJobs jobs;
    private final Duration keep;

    public CreditFileRetention(CreditIntakeService intake, io.govhub.core.shared.SingletonJobs jobs,
                               @org.springframework.beans.factory.annotation.Value("${govhub.credit.batch-file-retention:180d}") Duration keep) {
        this.intake = intake;
        this.jobs = jobs;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "PT3M", fixedDelayString = "PT1H")
    public void removeExpired() {
        jobs.run("credit-file-retention", Duration.ofMinutes(30), Duration.ofMinutes(5), () -> intake.removeProcessedFiles(keep));
    }
}
