package io.govhub.core.calendar;

import java.util.List;

/**
 * The State Council's notice for one year: the year, the addresses of the official papers, and the listed days.
 * A notice with no days (holiday-cn publishes an empty file before the notice is out) makes no year known.
 */
public record HolidayNotice(int year, List<String> papers, List<NoticeDay> days) {

    public HolidayNotice {
        papers = List.copyOf(papers);
        days = List.copyOf(days);
    }

    public boolean isPublished() {
        return !days.isEmpty();
    }
}
