package io.govhub.core.division;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One administrative division.
 *
 * @param code       six-digit code (GB/T 2260, or the statistical code of a development zone)
 * @param name       official name
 * @param level      province, city, county or zone
 * @param parentCode the containing division, {@code null} for a province
 * @param note       provenance or remarks (e.g. "formerly 苍山县")
 */
public record Division(String code, String name, DivisionLevel level, String parentCode, String note) {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    public Division {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(level);
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("division code must be six digits: " + code);
        }
    }

    /** Development zones carry statistical codes that are not in GB/T 2260. */
    public boolean isZone() {
        return level == DivisionLevel.ZONE;
    }

    public static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
