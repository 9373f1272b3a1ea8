package io.govhub.core.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a penalty stays public, from a versioned, data-driven rule set ({@code credit/publicity-rules.json}):
 * these rules change, so they are data, and every computed period names the rule version it came from.
 */
public record PublicityRules(String version, int minMonths, int maxYears, List<String> keywords, int keywordMinMonths,
                             List<String> shortCategories, int shortMonths, List<String> notPublished) {

    /** The public period of one decision, and why. */
    public record Period(LocalDate end, boolean published, String flag, String rulesVersion) {
    }

    public static PublicityRules bundled() {
        try (InputStream in = PublicityRules.class.getClassLoader().getResourceAsStream("credit/publicity-rules.json")) {
            JsonNode n = new ObjectMapper().readTree(in);
            return new PublicityRules(n.path("version").asText(), n.path("minMonths").asInt(), n.path("maxYears").asInt(),
                    strings(n.path("keywords")), n.path("keywordMinMonths").asInt(), strings(n.path("shortCategories")),
                    n.path("shortMonths").asInt(), strings(n.path("notPublished")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }

    /** The earliest day publicity may end: the minimum period (credit repair is possible only after it). */
    public LocalDate minimumEnd(CreditRecord r) {
        String text = r.fields().getOrDefault("CF_WFXW", "") + " " + r.fields().getOrDefault("CF_YJ", "") + " "
                + r.fields().getOrDefault("CF_SY", "");
        int min = keywords.stream().anyMatch(text::contains) ? Math.max(minMonths, keywordMinMonths) : minMonths;
        return r.decisionDate().plusMonths(min);
    }

    /** Permits are not limited by these rules: their period is {@code null} (public while the record stands). */
    public Period period(CreditRecord r) {
        if (r.type() != RecordType.PENALTY) {
            return new Period(null, true, null, version);
        }
        if (!r.penaltyCategories().isEmpty() && notPublished.containsAll(r.penaltyCategories())) {
            return new Period(r.decisionDate(), false, "NOT_PUBLISHED_BY_RULE", version);
        }
        LocalDate decision = r.decisionDate();
        String text = r.fields().getOrDefault("CF_WFXW", "") + " " + r.fields().getOrDefault("CF_YJ", "") + " "
                + r.fields().getOrDefault("CF_SY", "");
        int min = keywords.stream().anyMatch(text::contains) ? Math.max(minMonths, keywordMinMonths) : minMonths;
        LocalDate earliest = decision.plusMonths(min);
        LocalDate latest = decision.plusYears(maxYears);
        String explicit = r.fields().get("CF_GSJZQ");
        if (explicit != null) {
            LocalDate given = LocalDate.parse(explicit);
            if (given.isBefore(earliest)) {
                return new Period(earliest, true, "EXPLICIT_END_BEFORE_MINIMUM", version);
            }
            if (given.isAfter(latest)) {
                return new Period(latest, true, "EXPLICIT_END_AFTER_MAXIMUM", version);
            }
            return new Period(given, true, null, version);
        }
        boolean shortOnly = !r.penaltyCategories().isEmpty() && shortCategories.containsAll(r.penaltyCategories());
        LocalDate end = shortOnly ? decision.plusMonths(Math.max(shortMonths, min)) : latest;
        return new Period(end, true, null, version);
    }
}
