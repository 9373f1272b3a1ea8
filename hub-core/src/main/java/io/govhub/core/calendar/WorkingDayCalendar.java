package io.govhub.core.calendar;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An immutable working-day calendar built from the loaded holiday notices. Thread-safe; replaced as a whole when a
 * notice is loaded.
 */
public final class WorkingDayCalendar {

    /** Upper bound on the span a single question may cover, so that a request cannot make the hub loop for long. */
    public static final int MAX_WORKING_DAYS = 3650;
    public static final int MAX_SPAN_DAYS = 20 * 366;

    private final Map<LocalDate, NoticeDay> listed;
    private final NavigableSet<Integer> knownYears;
    private final Map<Integer, HolidayNotice> notices;

    private WorkingDayCalendar(Map<LocalDate, NoticeDay> listed, NavigableSet<Integer> knownYears,
                               Map<Integer, HolidayNotice> notices) {
        this.listed = listed;
        this.knownYears = knownYears;
        this.notices = notices;
    }

    /** Merges the notices; a year is known when its notice is published (lists at least one day). */
    public static WorkingDayCalendar of(Collection<HolidayNotice> notices) {
        Map<LocalDate, NoticeDay> listed = new HashMap<>();
        NavigableSet<Integer> years = new TreeSet<>();
        Map<Integer, HolidayNotice> byYear = new HashMap<>();
        notices.stream().sorted((a, b) -> Integer.compare(a.year(), b.year())).forEach(n -> {
            if (!n.isPublished()) {
                return;
            }
            years.add(n.year());
            byYear.put(n.year(), n);
            n.days().forEach(d -> listed.put(d.date(), d));
        });
        return new WorkingDayCalendar(Map.copyOf(listed), Collections.unmodifiableNavigableSet(years), Map.copyOf(byYear));
    }

    public NavigableSet<Integer> knownYears() {
        return knownYears;
    }

    public boolean isKnown(int year) {
        return knownYears.contains(year);
    }

    public Optional<HolidayNotice> notice(int year) {
        return Optional.ofNullable(notices.get(year));
    }

    /** The listed entry for a date, if the notices name it (a holiday or an adjusted working day). */
    public Optional<NoticeDay> listed(LocalDate date) {
        return Optional.ofNullable(listed.get(date));
    }

    /**
     * Whether {@code date} is a working day: Monday to Friday not listed as a day off, or a listed adjusted working
     * day.
     *
     * @throws CalendarYearUnknownException if no notice is loaded for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        requireKnown(date);
        NoticeDay day = listed.get(date);
        if (day != null) {
            return !day.offDay();
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The due date of a time limit of {@code workingDays} working days starting on {@code start}: the start day is
     * not counted, the due date is the N-th working day after it (so a limit never ends on a day off).
     */
    public LocalDate deadline(LocalDate start, int workingDays) {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new GovhubException(ErrorCode.CALENDAR_RANGE_INVALID, Text.of(
                    "工作日数应在 1 到 " + MAX_WORKING_DAYS + " 之间",
                    "workingDays must be between 1 and " + MAX_WORKING_DAYS));
        }
        requireKnown(start);
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The number of working days in the half-open interval ({@code from}, {@code to}]: the days that have run since
     * {@code from}, as a deadline counts them, so {@code workingDaysBetween(s, deadline(s, n)) == n}. Negative when
     * {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
            throw new GovhubException(ErrorCode.CALENDAR_RANGE_INVALID, Text.of(
                    "日期范围不得超过 20 年", "The date range must not exceed 20 years"));
        }
        requireKnown(from);
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private void requireKnown(LocalDate date) {
        if (!knownYears.contains(date.getYear())) {
            throw new CalendarYearUnknownException(date.getYear());
        }
    }
}
