package io.govhub.gateway.startup;

import io.govhub.core.calendar.BundledHolidayNotices;
import io.govhub.core.calendar.CalendarService;
import io.govhub.core.division.persistence.ReferenceDataLoader;
import io.govhub.gateway.config.GovhubProperties;
import io.govhub.gateway.security.DemoAccounts;
import io.govhub.gateway.security.LocalAccountStore;
import io.govhub.guide.DemoCatalog;
import io.govhub.guide.lifecycle.GuideService;
import io.govhub.guide.model.GuideContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Brings the database's reference data up to date at every start (after Flyway): divisions and organisations, the
 * bundled holiday notices, and, where demo accounts are allowed, the demo accounts and the demo service catalog
 * (loaded once, into an empty catalog) and 3,000 demo credit decisions (submitted once, processed in the background).
 */
@Component
@Order(0)
public class StartupTasks implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);

    private final ReferenceDataLoader referenceData;
    private final CalendarService calendar;
    private final LocalAccountStore accounts;
    private final PasswordEncoder encoder;
    private final GovhubProperties props;
    private final GuideService guides;
    private final io.govhub.core.credit.CreditIntakeService credit;

    public StartupTasks(ReferenceDataLoader referenceData, CalendarService calendar, LocalAccountStore accounts,
                        PasswordEncoder encoder, GovhubProperties props, GuideService guides,
                        io.govhub.core.credit.CreditIntakeService credit) {
        this.guides = guides;
        this.credit = credit;
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
        if (props.demoAccountsEnabled() && guides.count() == 0) {
            List<GuideContent> demo = DemoCatalog.guides();
            demo.forEach(g -> guides.seedPublished(g, "system"));
            LOG.info("Loaded the demo service catalog: {} published guides", demo.size());
        }
        if (props.demoAccountsEnabled()) {
            int n = credit.submitDemo(1500);
            if (n > 0) {
                LOG.info("Submitted {} demo permit and penalty decisions; they are processed in the background", n);
            }
        }
    }
}
