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

    @Bean
    public CreditWorkQueue creditWorkQueue(JmsTemplate jms) {
        return submissionId -> {
            try {
                jms.convertAndSend(CREDIT_SUBMISSIONS, submissionId);
            } catch (RuntimeException brokerDown) {
                // called after the commit: the submission is stored and its receipt is valid; the recovery job hands
                // it to the queue once the broker is back (govhub.credit.recovery-grace)
                org.slf4j.LoggerFactory.getLogger(MessagingConfiguration.class).warn(
                        "Credit submission {} stored, not queued (broker unavailable: {}); the recovery job queues it",
                        submissionId, brokerDown.getMessage());
            }
        };
    }

    @Bean
    public MessageLogRoutes messageLogRoutes(io.govhub.core.audit.MessageLog log,
            @org.springframework.beans.factory.annotation.Value("${govhub.message-log.retention:180d}") java.time.Duration retention,
            io.govhub.core.shared.SingletonJobs jobs) {
        return new MessageLogRoutes(log, retention, jobs);
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
