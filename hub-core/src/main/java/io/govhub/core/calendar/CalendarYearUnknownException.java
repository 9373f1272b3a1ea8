package io.govhub.core.calendar;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;

/** A date in a year for which no official holiday notice is loaded. */
public class CalendarYearUnknownException extends GovhubException {

    private final int year;

    public CalendarYearUnknownException(int year) {
        super(ErrorCode.CALENDAR_YEAR_UNKNOWN, Text.of(
                year + " 年尚无国务院节假日安排数据，无法计算工作日；请管理员在发布通知后导入该年度数据",
                "No official holiday notice is loaded for " + year
                        + "; working days cannot be computed until an administrator loads that year's notice"));
        this.year = year;
    }

    public int year() {
        return year;
    }
}
