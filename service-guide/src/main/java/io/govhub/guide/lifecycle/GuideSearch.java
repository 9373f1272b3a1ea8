package io.govhub.guide.lifecycle;

import java.time.Instant;
import java.util.List;

/** A search of the public catalog and its answer. */
public final class GuideSearch {

    private GuideSearch() {
    }

    /**
     * @param text         words that must all occur in the name, codes, keywords or department (case-insensitive)
     * @param divisionCodes the divisions to search (a division and its ancestors: what is available to people there)
     * @param typeCode     事项类型代码, or null
     * @param organisationUscc the department, or null
     */
    public record Query(List<String> text, List<String> divisionCodes, String typeCode, String organisationUscc,
                        int page, int size) {
    }

    public record Summary(String implementationCode, String name, String typeCode, String organisationUscc,
                          String organisationName, String divisionCode, int version, Instant publishedAt) {
    }

    public record Page(List<Summary> items, long total, int page, int size) {
    }
}
