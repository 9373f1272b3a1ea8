package io.govhub.gateway.ui;

import io.govhub.core.calendar.NoticeDay;
import io.govhub.core.calendar.WorkingDayCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** One month of the calendar page: weeks of cells, Monday first. */
public record CalendarMonth(int month, List<List<Cell>> weeks) {

    /** A day cell; {@code date == null} pads the first and last week. */
    public record Cell(LocalDate date, boolean working, boolean listed, String name) {
        public String css() {
            if (date == null) {
                return "pad";
            }
            if (listed) {
                return working ? "adjusted" : "holiday";
            }
            return working ? "work" : "weekend";
        }
    }

    static List<CalendarMonth> year(int year, WorkingDayCalendar cal) {
        List<CalendarMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            int pad = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            for (int i = 0; i < pad; i++) {
                week.add(new Cell(null, false, false, null));
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                var listed = cal.listed(date);
                week.add(new Cell(date, cal.isWorkingDay(date), listed.isPresent(),
                        listed.map(NoticeDay::name).orElse(null)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, false, false, null));
                }
                weeks.add(week);
            }
            months.add(new CalendarMonth(m, weeks));
        }
        return months;
    }
}
