package io.govhub.core.calendar;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadlines on the official calendar as bundled (2007–2026 published, 2027 empty). Each expected date was worked out
 * by hand from the State Council notices; the comment on each row shows the count.
 */
class WorkingDayCalendarTest {

    static WorkingDayCalendar calendar;

    @BeforeAll
    static void load() {
        calendar = WorkingDayCalendar.of(BundledHolidayNotices.load().stream().map(CalendarService.BundledNotice::notice).toList());
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // the example: 9-28 Sat off, 9-29 Sun worked (1), 9-30 (2), 10-1..7 off, 10-8..11 (3-6), 10-12 Sat worked (7)
            "2024-09-27, 7, 2024-10-12",
            // a limit that would end on a holiday moves past it: 10-1..7 off, 10-8 (1)
            "2024-09-30, 1, 2024-10-08",
            // Spring Festival 2024: 2-9 Fri (1), 2-10..17 off, 2-18 Sun worked (2), 2-19 (3)
            "2024-02-08, 3, 2024-02-19",
            // Spring Festival 2026: 2-14 Sat worked (1), 2-15..23 off, 2-24 (2)
            "2026-02-13, 2, 2026-02-24",
            // National Day and Mid-Autumn 2025: 9-27 Sat off, 9-28 Sun worked (1), 9-29 (2)
            "2025-09-26, 2, 2025-09-29",
            // ... 9-30 (3), 10-1..8 off, 10-9 (4), 10-10 (5), 10-11 Sat worked (6)
            "2025-09-26, 6, 2025-10-11",
            // across a year boundary, with days listed in the next year's notice: 2018-12-29 Sat worked (1),
            // 12-30, 12-31, 2019-01-01 off, 01-02 (2)
            "2018-12-28, 2, 2019-01-02",
            // across a year boundary: 12-31 (1), 2026-01-01..03 off, 01-04 Sun worked (2), 01-05 (3)
            "2025-12-30, 3, 2026-01-05",
            // plain weeks: Fri + 5 = next Fri
            "2023-03-03, 5, 2023-03-10",
            // 2020's extended Spring Festival: 1-24..2-2 off (2-3 listed but worked), 1-23 Thu + 1 = 2-3
            "2020-01-23, 1, 2020-02-03",
    })
    void deadline(LocalDate start, int days, LocalDate due) {
        assertThat(calendar.deadline(start, days)).isEqualTo(due);
        assertThat(calendar.workingDaysBetween(start, due)).isEqualTo(days);
    }

    @Test
    void adjusted_working_days_and_holidays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).as("Sat, adjusted working day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 1))).as("National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 19))).as("ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 14))).as("ordinary Monday").isTrue();
    }

    @Test
    void a_deadline_running_into_an_unpublished_year_is_an_error_not_a_guess() {
        // 12-29, 12-30, 12-31 are working days; the 4th would be in 2027, whose notice is not out
        assertThat(calendar.deadline(LocalDate.of(2026, 12, 28), 3)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2026, 12, 28), 4))
                .isInstanceOfSatisfying(CalendarYearUnknownException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CALENDAR_YEAR_UNKNOWN);
                    assertThat(e.year()).isEqualTo(2027);
                });
    }

    @Test
    void years_without_a_notice_are_unknown() {
        assertThat(calendar.knownYears()).contains(2007, 2026).doesNotContain(2006, 2027);
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 3, 1)))
                .isInstanceOf(CalendarYearUnknownException.class);
        assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2006, 12, 29), 1))
                .isInstanceOf(CalendarYearUnknownException.class);
        assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2006, 6, 1), LocalDate.of(2007, 6, 1)))
                .isInstanceOf(CalendarYearUnknownException.class);
    }

    @Test
    void working_days_between_is_signed_and_bounded() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 10, 12), LocalDate.of(2024, 9, 27))).isEqualTo(-7);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 9, 27), LocalDate.of(2024, 9, 27))).isZero();
        // 2024 has 366 days; the official count of working days in 2024 is 251
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31))).isEqualTo(251);
    }

    @Test
    void working_day_count_out_of_bounds_is_rejected() {
        assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2024, 1, 1), 0))
                .isInstanceOfSatisfying(GovhubException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CALENDAR_RANGE_INVALID));
        assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2024, 1, 1), WorkingDayCalendar.MAX_WORKING_DAYS + 1))
                .isInstanceOf(GovhubException.class);
    }
}
