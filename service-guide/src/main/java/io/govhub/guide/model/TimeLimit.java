package io.govhub.guide.model;

/**
 * A time limit (办结时限, elements 15–20): a number, its unit and an explanation.
 *
 * @param value the number of units
 * @param unit  {@code WORKING_DAY} (工作日), {@code CALENDAR_DAY} (自然日) or {@code HOUR} (小时)
 * @param note  法定/承诺办结时限说明
 */
public record TimeLimit(Integer value, String unit, String note) {

    public static final java.util.Map<String, String> UNITS = java.util.Map.of(
            "WORKING_DAY", "工作日", "CALENDAR_DAY", "自然日", "HOUR", "小时");

    /** The limit in hours, for comparing limits of different units (a working day counted as a day). */
    public Long hours() {
        if (value == null || unit == null) {
            return null;
        }
        return switch (unit) {
            case "HOUR" -> value.longValue();
            case "WORKING_DAY", "CALENDAR_DAY" -> value * 24L;
            default -> null;
        };
    }

    public String label() {
        return value == null ? "" : value + " 个" + UNITS.getOrDefault(unit, "");
    }
}
