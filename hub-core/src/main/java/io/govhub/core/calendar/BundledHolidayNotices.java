package io.govhub.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The holiday notices shipped in the hub's resources ({@code calendar/holiday-cn/{year}.json}). */
public final class BundledHolidayNotices {

    private static final String LOCATION = "calendar/holiday-cn/";

    private BundledHolidayNotices() {
    }

    public static List<CalendarService.BundledNotice> load() {
        ClassLoader cl = BundledHolidayNotices.class.getClassLoader();
        List<CalendarService.BundledNotice> out = new ArrayList<>();
        for (int year = HolidayNoticeParser.MIN_YEAR; year <= HolidayNoticeParser.MAX_YEAR; year++) {
            try (InputStream in = cl.getResourceAsStream(LOCATION + year + ".json")) {
                if (in == null) {
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                HolidayNotice notice = HolidayNoticeParser.parse(bytes);
                if (notice.year() != year) {
                    throw new IllegalStateException("bundled notice " + year + ".json says year " + notice.year());
                }
                out.add(new CalendarService.BundledNotice(notice, CalendarService.sha256(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
