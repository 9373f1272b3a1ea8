package io.govhub.core.caseflow;

import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.division.DivisionLevel;
import io.govhub.core.division.Organisation;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingTest {

    static final DivisionDirectory DIVISIONS = new DivisionDirectory() {
        final Map<String, Division> all = Map.of(
                "370000", new Division("370000", "山东省", DivisionLevel.PROVINCE, null, null),
                "371300", new Division("371300", "临沂市", DivisionLevel.CITY, "370000", null),
                "371302", new Division("371302", "兰山区", DivisionLevel.COUNTY, "371300", null),
                "371325", new Division("371325", "费县", DivisionLevel.COUNTY, "371300", null));

        public Optional<Division> find(String code) {
            return Optional.ofNullable(all.get(code));
        }

        public List<Division> children(String parentCode) {
            return all.values().stream().filter(d -> parentCode.equals(d.parentCode())).toList();
        }

        public List<Division> all() {
            return List.copyOf(all.values());
        }

        public List<Organisation> organisations() {
            return List.of();
        }

        public List<Organisation> organisationsIn(String divisionCode) {
            return List.of();
        }

        public Optional<Organisation> organisation(String uscc) {
            return Optional.empty();
        }
    };

    static PartnerSystem partner(String id, boolean enabled) {
        return new PartnerSystem(id, id, "COUNTY", "371302", "REST", "http://x", null, Set.of("DISPATCH"), "PUSH", true,
                enabled, 1);
    }

    static final String CITY_ITEM = "11371300MB285002573010000010000";   // basic code 010000010000
    static final String COUNTY_ITEM = "11371302MB286010004010020010000";

    Routing.Route route(List<RouteRule> rules, Map<String, PartnerSystem> partners, String code, String division) {
        return Routing.resolve(rules, id -> Optional.ofNullable(partners.get(id)), DIVISIONS, code, division);
    }

    @Test
    void theNearestDivisionWinsThenTheMostSpecificPattern() {
        List<RouteRule> rules = List.of(
                new RouteRule(1L, "*", "370000", "province", null),
                new RouteRule(2L, "11371302*", "371302", "lanshan", null),
                new RouteRule(3L, COUNTY_ITEM, "371302", "lanshan-special", null),
                new RouteRule(4L, "11371300*", "371300", "city", null));
        Map<String, PartnerSystem> p = Map.of("province", partner("province", true), "lanshan", partner("lanshan", true),
                "lanshan-special", partner("lanshan-special", true), "city", partner("city", true));
        assertThat(route(rules, p, COUNTY_ITEM, "371302").partner().id()).isEqualTo("lanshan-special");
        assertThat(route(rules, p, "11371302MB286010004010020020000", "371302").partner().id()).isEqualTo("lanshan");
        // a city item at a county hall: the county has no rule for it, the city does
        Routing.Route city = route(rules, p, CITY_ITEM, "371302");
        assertThat(city.partner().id()).isEqualTo("city");
        assertThat(city.divisionsTried()).containsExactly("371302", "371300");
        // an item of another city: up to the province's catch-all
        assertThat(route(rules, p, "11370100MB0000000X3010000010000", "371325").partner().id()).isEqualTo("province");
    }

    @Test
    void aBasicCodePatternMatchesTheCodeInsideTheImplementationCode() {
        List<RouteRule> rules = List.of(new RouteRule(1L, "010000010000", "371300", "food", null),
                new RouteRule(2L, "0100*", "371300", "permits", null));
        Map<String, PartnerSystem> p = Map.of("food", partner("food", true), "permits", partner("permits", true));
        assertThat(route(rules, p, CITY_ITEM, "371325").partner().id()).isEqualTo("food");
        assertThat(route(rules, p, "11371300MB285002573010000020000", "371325").partner().id()).isEqualTo("permits");
    }

    @Test
    void aDisabledPartnerIsSkippedForTheNextRule() {
        List<RouteRule> rules = List.of(new RouteRule(1L, "*", "370000", "province", null),
                new RouteRule(2L, "*", "371302", "lanshan", null));
        Map<String, PartnerSystem> p = Map.of("province", partner("province", true), "lanshan", partner("lanshan", false));
        assertThat(route(rules, p, COUNTY_ITEM, "371302").partner().id()).isEqualTo("province");
    }

    @Test
    void nothingMatchingIsAnExplicitErrorNamingTheDivisionsTried() {
        List<RouteRule> rules = List.of(new RouteRule(1L, "11371302*", "371302", "lanshan", null));
        Map<String, PartnerSystem> p = Map.of("lanshan", partner("lanshan", true));
        assertThatThrownBy(() -> route(rules, p, CITY_ITEM, "371325"))
                .isInstanceOfSatisfying(GovhubException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CASE_NO_HANDLER);
                    assertThat(e.text().en()).contains("371325, 371300, 370000");
                });
    }

    @Test
    void theBasicCodeFollowsTheUsccAndTheLevelCode() {
        assertThat(Routing.basicCode(CITY_ITEM)).isEqualTo("010000010000");
        assertThat(Routing.basicCode("short")).isNull();
    }
}
