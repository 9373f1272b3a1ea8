package io.govhub.gateway.startup;

import io.govhub.core.calendar.BundledHolidayNotices;
import io.govhub.core.calendar.CalendarService;
import io.govhub.core.division.persistence.ReferenceDataLoader;
import io.govhub.gateway.config.GovhubProperties;
import io.govhub.gateway.security.DemoAccounts;
import io.govhub.gateway.security.LocalAccountStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Brings the database's reference data up to date at every start (after Flyway): divisions and organisations, the
 * bundled holiday notices, and the demo accounts where they are allowed.
 */
@Component
@Order(0)
public class StartupTasks implements ApplicationRunner {

    private final ReferenceDataLoader referenceData;
    private final CalendarService calendar;
    private final LocalAccountStore accounts;
    private final PasswordEncoder encoder;
    private final GovhubProperties props;

    public StartupTasks(ReferenceDataLoader referenceData, CalendarService calendar, LocalAccountStore accounts,
                        PasswordEncoder encoder, GovhubProperties props) {
        this.referenceData = referenceData;
        this.calendar = calendar;
        this.accounts = accounts;
        this.encoder = encoder;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        referenceData.load();
        calendar.installBundled(BundledHolidayNotices.load());
        DemoAccounts.apply(accounts, encoder, props.demoAccountsEnabled());
    }
}
