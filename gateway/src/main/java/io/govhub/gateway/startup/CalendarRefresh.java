package io.govhub.gateway.startup;

import io.govhub.core.calendar.CalendarService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds ({@code govhub.calendar.refresh-interval}), on every node: reloads the in-memory working-day
 * calendar when the holiday notices in the shared database changed, so that a year's notice loaded through one node
 * is in effect on all of them within that interval. (The node that loads a notice reloads at once.)
 */
@Component
public class CalendarRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarRefresh.class);
    private final CalendarService calendar;

    public CalendarRefresh(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Scheduled(initialDelayString = "${govhub.calendar.refresh-interval:5s}", fixedDelayString = "${govhub.calendar.refresh-interval:5s}")
    public void refresh() {
        try {
            if (calendar.reloadIfChanged()) {
                LOG.info("Working-day calendar reloaded: the holiday notices changed (loaded through another node)");
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not check the holiday notices for changes: {}", e.getMessage());
        }
    }
}
