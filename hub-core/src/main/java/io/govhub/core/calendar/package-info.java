/**
 * The official working-day calendar (工作日) of the PRC and deadlines counted in working days.
 * <p>
 * Source: the State Council's yearly notices on public holidays, in the holiday-cn JSON format (one notice per year;
 * late-December and early-January days can sit in the neighbouring year's notice, so all loaded notices are merged).
 * A working day is Monday to Friday not listed as a day off, or a listed adjusted working day (调休上班).
 * Deadlines (Administrative Licensing Law art. 82; Civil Code arts. 201 and 203): the start day is not counted; the
 * due date is the N-th working day after it. A date in a year without an official notice is an error
 * ({@code CALENDAR_YEAR_UNKNOWN}), never a weekend-only guess. Plain Java: no framework.
 */
package io.govhub.core.calendar;
