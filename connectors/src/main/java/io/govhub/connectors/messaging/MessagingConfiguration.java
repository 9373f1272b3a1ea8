package io.govhub.connectors.messaging;

import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.credit.CreditWorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.core.JmsTemplate;

/** Queues of the hub and their consumers. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    /** Credit submissions waiting to be processed: one message per submission, its id. */
    public static final String CREDIT_SUBMISSIONS = "govhub.credit.submissions";

    /**
     * Called after the submission's commit, on the request's thread: the message is handed to one sending thread and
     * the request returns at once. With the broker down a send waits for the client's reconnection; the request must
     * not (found by the cluster harness: with the broker stopped for 60 s, request threads waiting on sends held up
     * every request of the node, cases included). Whatever is not sent — the broker down, the node stopped, more
     * than 10,000 waiting — is handed to the queue by the recovery job (govhub.credit.recovery-grace): the receipt is
     * valid either way.
     */
    @Bean(destroyMethod = "shutdownNow")
    public java.util.concurrent.ExecutorService creditQueueSender() {
        // one warning per 10 s with the count, not one per submission (a blocked broker made 50,000 lines in 5 minutes)
        java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong lastWarning = new java.util.concurrent.atomic.AtomicLong();
        return new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "credit-queue-sender");
                    t.setDaemon(true);
                    return t;
                }, (r, pool) -> {
                    refused.incrementAndGet();
                    long now = System.nanoTime();
                    long last = lastWarning.get();
                    if ((last == 0 || now - last > 10_000_000_000L) && lastWarning.compareAndSet(last, now)) {
                        LOG.warn("Credit queue sender full (10,000 waiting; {} submission(s) not handed to it so far);"
                                + " the recovery job queues them", refused.get());
                    }
                });
    }

    private static final Logger LOG = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    public CreditWorkQueue creditWorkQueue(JmsTemplate jms,
            @org.springframework.beans.factory.annotation.Qualifier("creditQueueSender") java.util.concurrent.ExecutorService sender) {
        return submissionId -> sender.execute(() -> {
            try {
                jms.convertAndSend(CREDIT_SUBMISSIONS, submissionId);
            } catch (RuntimeException brokerDown) {
                LOG.warn("Credit submission {} stored, not queued (broker unavailable: {}); the recovery job queues it",
                        submissionId, brokerDown.getMessage());
            }
        });
    }

    @Bean
    public MessageLogRoutes messageLogRoutes(io.govhub.core.audit.MessageLog log,
            @org.springframework.beans.factory.annotation.Value("${govhub.message-log.retention:180d}") java.time.Duration retention,
            io.govhub.core.shared.SingletonJobs jobs) {
        return new MessageLogRoutes(log, retention, jobs);
    }

    @Bean
    public MaterialCleanupRoutes materialCleanupRoutes(io.govhub.core.caseflow.CaseService cases,
            io.govhub.core.shared.SingletonJobs jobs,
            @org.springframework.beans.factory.annotation.Value("${govhub.cases.unattached-material-ttl:24h}") java.time.Duration keep) {
        return new MaterialCleanupRoutes(cases, jobs, keep);
    }

    @Bean
    public CreditSubmissionConsumer creditSubmissionConsumer(CreditIntakeService intake) {
        return new CreditSubmissionConsumer(intake);
    }

    /**
     * Processes a submission when its message arrives. Processing is idempotent; a failure makes the broker
     * redeliver the message (Artemis: then to its dead-letter address).
     */
    public static class CreditSubmissionConsumer {
        private static final Logger LOG = LoggerFactory.getLogger(CreditSubmissionConsumer.class);
        private final CreditIntakeService intake;

        CreditSubmissionConsumer(CreditIntakeService intake) {
            this.intake = intake;
        }

        @JmsListener(destination = CREDIT_SUBMISSIONS, concurrency = "1-2")
        public void onSubmission(String submissionId) {
            LOG.debug("Processing credit submission {}", submissionId);
            intake.process(submissionId);
        }
    }
}
