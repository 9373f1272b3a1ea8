package io.govhub.gateway.api;

import io.govhub.core.calendar.CalendarService;
import io.govhub.core.calendar.CalendarYearUnknownException;
import io.govhub.core.calendar.HolidayNotice;
import io.govhub.core.calendar.HolidayNoticeStore;
import io.govhub.core.calendar.WorkingDayCalendar;
import io.govhub.gateway.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/calendar", produces = "application/json")
@Tag(name = "calendar", description = "工作日日历与期限计算 Working-day calendar and deadlines")
public class CalendarApi {

    public record DeadlineJson(LocalDate start, int workingDays, LocalDate due) {
    }

    public record WorkingDaysJson(LocalDate from, LocalDate to, int workingDays) {
    }

    public record DayJson(LocalDate date, String name, boolean offDay) {
    }

    public record YearJson(int year, String source, List<String> papers, String loadedBy, Instant loadedAt,
                           int workingDays, List<DayJson> days) {
    }

    public record YearsJson(List<Integer> knownYears) {
    }

    public record LoadedJson(int year, int days, List<String> papers) {
    }

    private final CalendarService calendar;
    private final HolidayNoticeStore store;

    public CalendarApi(CalendarService calendar, HolidayNoticeStore store) {
        this.calendar = calendar;
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "The years with an official holiday notice loaded")
    public YearsJson years() {
        return new YearsJson(List.copyOf(calendar.calendar().knownYears()));
    }

    @GetMapping("/deadline")
    @Operation(summary = "Due date of a time limit in working days",
            description = "The start day is not counted; the due date is the N-th working day after it"
                    + " (Administrative Licensing Law art. 82; Civil Code arts. 201, 203). 422 CALENDAR_YEAR_UNKNOWN"
                    + " when the count reaches a year without an official notice.")
    public DeadlineJson deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                                 @RequestParam int workingDays) {
        return new DeadlineJson(start, workingDays, calendar.deadline(start, workingDays));
    }

    @GetMapping("/working-days")
    @Operation(summary = "Working days in (from, to]: the days that have run since from, as deadlines count them")
    public WorkingDaysJson workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return new WorkingDaysJson(from, to, calendar.workingDaysBetween(from, to));
    }

    @GetMapping("/{year}")
    @Operation(summary = "One year's official notice: holidays and adjusted working days")
    public YearJson year(@PathVariable int year) {
        WorkingDayCalendar cal = calendar.calendar();
        if (!cal.isKnown(year)) {
            throw new CalendarYearUnknownException(year);
        }
        var stored = store.find(year).orElseThrow(() -> new CalendarYearUnknownException(year));
        HolidayNotice n = stored.notice();
        int working = cal.workingDaysBetween(LocalDate.of(year, 1, 1).minusDays(1), LocalDate.of(year, 12, 31));
        return new YearJson(year, stored.source().name(), n.papers(), stored.loadedBy(), stored.loadedAt(), working,
                n.days().stream().map(d -> new DayJson(d.date(), d.name(), d.offDay())).toList());
    }

    @PutMapping(path = "/{year}", consumes = "application/json")
    @Operation(summary = "Load a year's State Council notice (holiday-cn JSON). ADMIN only; validated, stored, audited,"
            + " in effect at once")
    public LoadedJson load(@PathVariable int year, @RequestBody byte[] notice) {
        HolidayNotice n = calendar.loadNotice(year, notice, CurrentActor.username());
        return new LoadedJson(n.year(), n.days().size(), n.papers());
    }
}
