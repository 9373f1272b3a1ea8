package io.govhub.core.credit;

import io.govhub.core.calendar.BundledHolidayNotices;
import io.govhub.core.calendar.CalendarService;
import io.govhub.core.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationDeadlineTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.of(BundledHolidayNotices.load().stream()
            .map(CalendarService.BundledNotice::notice).toList());

    @Test
    void seven_working_days_across_national_day() {
        assertThat(PublicationDeadline.due(CAL, LocalDate.of(2024, 9, 27))).isEqualTo(LocalDate.of(2024, 10, 12));
    }

    @Test
    void on_time_and_late() {
        var onTime = PublicationDeadline.status(CAL, LocalDate.of(2024, 9, 27), LocalDate.of(2024, 10, 12), null);
        assertThat(onTime.onTime()).isTrue();
        // due Sat 10-12 (a working day); published Tue 10-15: Mon 10-14 and Tue 10-15 late
        var late = PublicationDeadline.status(CAL, LocalDate.of(2024, 9, 27), LocalDate.of(2024, 10, 15), null);
        assertThat(late.onTime()).isFalse();
        assertThat(late.workingDaysLate()).isEqualTo(2);
    }

    @Test
    void unpublished_records_count_down_and_then_overdue() {
        var pending = PublicationDeadline.status(CAL, LocalDate.of(2024, 9, 27), null, LocalDate.of(2024, 10, 8));
        assertThat(pending.workingDaysLeft()).isEqualTo(4);
        var overdue = PublicationDeadline.status(CAL, LocalDate.of(2024, 9, 27), null, LocalDate.of(2024, 10, 16));
        assertThat(overdue.workingDaysLeft()).isEqualTo(-3);
        assertThat(overdue.workingDaysLate()).isEqualTo(3);
    }
}
