package io.govhub.core.credit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublicityRulesTest {

    private static final PublicityRules RULES = PublicityRules.bundled();

    private static CreditRecord penalty(String categories, Map<String, String> extra) {
        Map<String, String> m = new java.util.HashMap<>(CreditRecordParserTest.penaltyOfNaturalPerson());
        m.put("CF_CFLB", categories);
        if (!categories.contains("罚款")) {
            m.remove("CF_NR_FK");
        }
        m.putAll(extra);
        var parsed = CreditRecordParserTest.parse(RecordType.PENALTY, m);
        assertThat(parsed.problems()).isEmpty();
        return parsed.record();
    }

    @Test
    void the_bundled_rules_name_their_version() {
        assertThat(RULES.version()).isEqualTo("2023-05-01");
        assertThat(RULES.minMonths()).isEqualTo(3);
        assertThat(RULES.maxYears()).isEqualTo(3);
    }

    @Test
    void a_fine_is_public_for_the_maximum_without_an_explicit_end() {
        var p = RULES.period(penalty("罚款", Map.of()));
        assertThat(p.end()).isEqualTo(LocalDate.of(2029, 11, 18));
        assertThat(p.flag()).isNull();
    }

    @Test
    void a_warning_alone_is_public_for_three_months() {
        assertThat(RULES.period(penalty("警告", Map.of())).end()).isEqualTo(LocalDate.of(2027, 2, 18));
    }

    @Test
    void special_equipment_work_safety_and_fire_cases_at_least_a_year() {
        var p = RULES.period(penalty("警告", Map.of("CF_WFXW", "特种设备未经检验投入使用")));
        assertThat(p.end()).isEqualTo(LocalDate.of(2027, 11, 18));
    }

    @Test
    void an_explicit_end_is_kept_within_the_bounds_and_moved_and_flagged_outside() {
        assertThat(RULES.period(penalty("罚款", Map.of("CF_GSJZQ", "2027-11-18"))).end()).isEqualTo(LocalDate.of(2027, 11, 18));
        var tooShort = RULES.period(penalty("罚款", Map.of("CF_GSJZQ", "2026-12-01")));
        assertThat(tooShort.end()).isEqualTo(LocalDate.of(2027, 2, 18));
        assertThat(tooShort.flag()).isEqualTo("EXPLICIT_END_BEFORE_MINIMUM");
        var tooLong = RULES.period(penalty("罚款", Map.of("CF_GSJZQ", "2035-01-01")));
        assertThat(tooLong.end()).isEqualTo(LocalDate.of(2029, 11, 18));
        assertThat(tooLong.flag()).isEqualTo("EXPLICIT_END_AFTER_MAXIMUM");
    }

    @Test
    void a_rule_set_can_keep_warnings_out_of_the_public_view() {
        PublicityRules market = new PublicityRules("test", 3, 3, List.of(), 12, List.of("警告", "通报批评"), 3, List.of("警告"));
        assertThat(market.period(penalty("警告", Map.of())).published()).isFalse();
        assertThat(market.period(penalty("警告；罚款", Map.of())).published()).isTrue();
    }
}
