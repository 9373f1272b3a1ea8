package io.govhub.core.config;

import io.govhub.core.audit.AuditPort;
import io.govhub.core.audit.MessageLog;
import io.govhub.core.audit.persistence.JdbcMessageLog;
import io.govhub.core.calendar.CalendarService;
import io.govhub.core.caseflow.CaseService;
import io.govhub.core.caseflow.CaseStore;
import io.govhub.core.caseflow.ItemCatalog;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.caseflow.persistence.JdbcCaseStore;
import io.govhub.core.caseflow.persistence.JdbcPartnerRegistry;
import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.delivery.persistence.JdbcDeliveryOutbox;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.shared.Transactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The beans of one-network case handling, the delivery outbox and the message log. */
@Configuration(proxyBeanMethods = false)
public class CaseflowConfiguration {

    @Bean
    public MessageLog messageLog(JdbcTemplate jdbc, TransactionTemplate tx,
                                 @Value("${govhub.message-log.max-body-chars:65536}") int maxBodyChars) {
        return new JdbcMessageLog(jdbc, tx, maxBodyChars);
    }

    /** The outbox; a delivered dispatch moves its case to DISPATCHED in the same statement. */
    @Bean
    public DeliveryOutbox deliveryOutbox(JdbcTemplate jdbc) {
        return new JdbcDeliveryOutbox(jdbc, java.util.Map.of(CaseService.DISPATCH, JdbcCaseStore::dispatchedAfterDelivery));
    }

    @Bean
    public PartnerRegistry partnerRegistry(JdbcTemplate jdbc) {
        return new JdbcPartnerRegistry(jdbc);
    }

    @Bean
    public CaseStore caseStore(JdbcTemplate jdbc) {
        return new JdbcCaseStore(jdbc);
    }

    @Bean
    public io.govhub.core.credit.CreditForwarding creditForwarding(PartnerRegistry registry, DeliveryOutbox outbox,
                                                                  io.govhub.core.credit.CreditIntakeService credit) {
        io.govhub.core.credit.CreditForwarding forwarding = new io.govhub.core.credit.OutboxCreditForwarding(registry, outbox);
        credit.forwardTo(forwarding);
        return forwarding;
    }

    @Bean
    public CaseService caseService(CaseStore store, PartnerRegistry registry, ObjectProvider<ItemCatalog> catalog,
                                   DivisionDirectory divisions, CalendarService calendar, DeliveryOutbox outbox,
                                   MessageLog messageLog, AuditPort audit, Transactions tx, Clock clock, JdbcTemplate jdbc,
                                   ObjectProvider<io.govhub.core.shared.RateLimiter> limiter,
                                   @Value("${govhub.cases.public-status-limit:10}") int publicChecks,
                                   @Value("${govhub.cases.public-status-window:10m}") java.time.Duration publicWindow) {
        CaseService cases = new CaseService(store, registry, catalog.getIfAvailable(() -> ItemCatalog.NONE), divisions,
                calendar, outbox, messageLog, audit, tx, clock);
        limiter.ifAvailable(l -> cases.limitPublicChecks(l, publicChecks, publicWindow));
        if (messageLog instanceof JdbcMessageLog log) {
            cases.writeSubmissionsWith(new io.govhub.core.caseflow.persistence.JdbcSubmissionWriter(jdbc, log));
        }
        return cases;
    }
}
