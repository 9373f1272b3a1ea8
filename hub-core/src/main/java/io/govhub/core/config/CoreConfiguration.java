package io.govhub.core.config;

import io.govhub.core.audit.AuditPort;
import io.govhub.core.audit.persistence.JdbcAuditLog;
import io.govhub.core.calendar.CalendarService;
import io.govhub.core.calendar.HolidayNoticeStore;
import io.govhub.core.calendar.persistence.JdbcHolidayNoticeStore;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.division.DivisionService;
import io.govhub.core.division.persistence.JdbcDivisionDirectory;
import io.govhub.core.division.persistence.ReferenceDataLoader;
import io.govhub.core.shared.Transactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * hub-core's beans: the use cases and their persistence adapters. The gateway imports this; the domain classes stay
 * free of Spring.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(CaseflowConfiguration.class)
public class CoreConfiguration {

    @Bean
    public AuditPort auditPort(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcAuditLog(jdbc, tx);
    }

    /** Jobs on one node at a time: ShedLock's JDBC provider on the shared database, with the database's clock. */
    @Bean
    public io.govhub.core.shared.SingletonJobs singletonJobs(JdbcTemplate jdbc) {
        return new io.govhub.core.shared.SingletonJobs(new net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider(
                net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(jdbc).usingDbTime().build()));
    }

    @Bean
    public DivisionDirectory divisionDirectory(JdbcTemplate jdbc) {
        return new JdbcDivisionDirectory(jdbc);
    }

    @Bean
    public DivisionService divisionService(DivisionDirectory directory) {
        return new DivisionService(directory);
    }

    @Bean
    public ReferenceDataLoader referenceDataLoader(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new ReferenceDataLoader(jdbc, tx);
    }

    @Bean
    public HolidayNoticeStore holidayNoticeStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcHolidayNoticeStore(jdbc, tx);
    }

    @Bean
    public Transactions transactions(TransactionTemplate tx) {
        return new Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return tx.execute(status -> work.get());
            }

            @Override
            public void afterCommit(Runnable action) {
                if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
                    org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                            new org.springframework.transaction.support.TransactionSynchronization() {
                                @Override
                                public void afterCommit() {
                                    action.run();
                                }
                            });
                } else {
                    action.run();
                }
            }
        };
    }

    @Bean
    public java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    @Bean
    public io.govhub.core.credit.CreditStore creditStore(JdbcTemplate jdbc) {
        return new io.govhub.core.credit.persistence.JdbcCreditStore(jdbc);
    }

    @Bean
    public io.govhub.core.credit.CreditIntakeService creditIntakeService(io.govhub.core.credit.CreditStore store,
            io.govhub.core.credit.CreditWorkQueue queue, DivisionDirectory directory, CalendarService calendar,
            AuditPort audit, Transactions tx, java.time.Clock clock, io.govhub.core.audit.MessageLog messageLog,
            @org.springframework.beans.factory.annotation.Value("${govhub.credit.recovery-grace:2m}") java.time.Duration grace) {
        var intake = new io.govhub.core.credit.CreditIntakeService(store, queue, directory, calendar, audit, tx, clock, messageLog);
        intake.takeOverFilesAfter(grace);
        return intake;
    }

    @Bean
    public CalendarService calendarService(HolidayNoticeStore store, AuditPort audit) {
        return new CalendarService(store, audit);
    }
}
