package io.govhub.core.credit;

import io.govhub.core.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * The publication deadline of a decision: within 7 working days of the decision (国办发〔2015〕51号 art. 18; Linyi
 * measures art. 五), the decision day not counted, on the official calendar.
 */
public final class PublicationDeadline {

    public static final int WORKING_DAYS = 7;

    /** Where a record stands against its deadline. */
    public record Status(LocalDate decision, LocalDate due, LocalDate published, boolean onTime, int workingDaysLate,
                         int workingDaysLeft) {
    }

    private PublicationDeadline() {
    }

    public static LocalDate due(WorkingDayCalendar calendar, LocalDate decision) {
        return calendar.deadline(decision, WORKING_DAYS);
    }

    /**
     * @param published the day it was published, or null if it is not yet
     * @param today     for a record not yet published: how many working days are left (negative: overdue)
     */
    public static Status status(WorkingDayCalendar calendar, LocalDate decision, LocalDate published, LocalDate today) {
        LocalDate due = due(calendar, decision);
        if (published != null) {
            int late = Math.max(0, calendar.workingDaysBetween(due, published));
            return new Status(decision, due, published, late == 0, late, 0);
        }
        int left = calendar.workingDaysBetween(today, due);
        return new Status(decision, due, null, false, Math.max(0, -left), left);
    }
}
