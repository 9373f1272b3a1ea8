package io.govhub.core.division;

import java.util.Locale;

/** The level of a division. Development zones (开发区) are county-level units without a GB/T 2260 code. */
public enum DivisionLevel {
    PROVINCE("省级"), CITY("市级"), COUNTY("县级"), ZONE("功能区");

    private final String label;

    DivisionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DivisionLevel parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
