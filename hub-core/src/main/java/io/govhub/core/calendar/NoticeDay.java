package io.govhub.core.calendar;

import java.time.LocalDate;

/**
 * One day listed in a holiday notice: a day off ({@code offDay}) or an adjusted working day on a weekend.
 *
 * @param date   the day
 * @param name   the holiday it belongs to (春节, 国庆节 …)
 * @param offDay {@code true} for a day off, {@code false} for a weekend day that is worked (调休上班)
 */
public record NoticeDay(LocalDate date, String name, boolean offDay) {
}
