package io.govhub.core.caseflow;

import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The routing table as a function: (item code, division) → the handling system. Rules of the division itself are
 * tried first (the most specific pattern wins), then those of its parent, up to the province; rules naming a
 * disabled partner are skipped. Nothing matching anywhere is an explicit {@link ErrorCode#CASE_NO_HANDLER}.
 */
public final class Routing {

    /** Where an item goes and why. */
    public record Route(RouteRule rule, PartnerSystem partner, List<String> divisionsTried) {
    }

    /** The basic code (基本编码) inside an implementation code: what follows the USCC (18) and the level code (1). */
    public static String basicCode(String implementationCode) {
        return implementationCode != null && implementationCode.length() > 19 ? implementationCode.substring(19) : null;
    }

    public static Route resolve(List<RouteRule> rules, Function<String, Optional<PartnerSystem>> partners,
                                DivisionDirectory divisions, String implementationCode, String divisionCode) {
        Map<String, List<RouteRule>> byDivision = rules.stream()
                .collect(Collectors.groupingBy(RouteRule::divisionCode));
        String basic = basicCode(implementationCode);
        List<String> tried = new ArrayList<>();
        String current = divisionCode;
        int guard = 0;
        while (current != null && guard++ < 10) {
            tried.add(current);
            Optional<Route> found = byDivision.getOrDefault(current, List.of()).stream()
                    .filter(r -> r.specificity(implementationCode, basic) >= 0)
                    .sorted(Comparator.comparingInt((RouteRule r) -> r.specificity(implementationCode, basic)).reversed())
                    .map(r -> partners.apply(r.partnerId()).filter(PartnerSystem::enabled)
                            .map(p -> new Route(r, p, List.copyOf(tried))))
                    .flatMap(Optional::stream)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            current = divisions.find(current).map(Division::parentCode).orElse(null);
        }
        throw new GovhubException(ErrorCode.CASE_NO_HANDLER, Text.of(
                "事项 " + implementationCode + " 在行政区划 " + divisionCode + " 及其上级（" + String.join("、", tried)
                        + "）都没有办理系统",
                "No handling system for item " + implementationCode + " in division " + divisionCode
                        + " or above (" + String.join(", ", tried) + ")"));
    }

    private Routing() {
    }
}
