package io.govhub.core.division;

import io.govhub.core.division.persistence.ReferenceDataLoaderAccess;
import io.govhub.core.identity.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled reference data is consistent: every parent exists, every organisation has a valid USCC. */
class ReferenceDataTest {

    @Test
    void divisions_form_a_tree_rooted_in_shandong() {
        List<Division> divisions = ReferenceDataLoaderAccess.divisions();
        Map<String, Division> byCode = divisions.stream().collect(Collectors.toMap(Division::code, Function.identity()));
        assertThat(divisions).hasSize(32);
        assertThat(byCode.get("370000").parentCode()).isNull();
        divisions.stream().filter(d -> d.parentCode() != null)
                .forEach(d -> assertThat(byCode).as("parent of %s", d.code()).containsKey(d.parentCode()));
        assertThat(divisions.stream().filter(Division::isZone).map(Division::code))
                .containsExactlyInAnyOrder("371371", "371372", "371373");
        assertThat(byCode.get("371325").name()).isEqualTo("费县");
    }

    @Test
    void organisations_have_valid_codes_in_known_divisions() {
        var codes = ReferenceDataLoaderAccess.divisions().stream().map(Division::code).collect(Collectors.toSet());
        List<Organisation> orgs = ReferenceDataLoaderAccess.organisations();
        assertThat(orgs).hasSizeGreaterThanOrEqualTo(20);
        assertThat(orgs).allSatisfy(o -> {
            assertThat(UnifiedSocialCreditCode.check(o.uscc()).valid()).as(o.name()).isTrue();
            assertThat(codes).contains(o.divisionCode());
            // the division code inside the USCC is where the body is registered
            assertThat(o.uscc().substring(2, 8)).isEqualTo(o.divisionCode());
        });
        assertThat(orgs).extracting(Organisation::name).contains("临沂市行政审批服务局", "临沂市市场监督管理局",
                "兰山区行政审批服务局", "费县行政审批服务局");
        // every county and zone of Linyi has its approval bureau
        assertThat(orgs.stream().filter(o -> o.kind() == OrganisationKind.APPROVAL_BUREAU)).hasSize(16);
    }
}
