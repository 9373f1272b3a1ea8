package io.govhub.core.credit;

import io.govhub.core.shared.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule: each starts from a valid record and breaks one thing. */
class CreditRecordParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String MARKET = "11371300MB28500332";          // 临沂市市场监督管理局
    static final String CITY_BUREAU = "11371300MB28500257";     // 临沂市行政审批服务局
    static final Set<String> KNOWN = Set.of(MARKET, CITY_BUREAU);

    static Map<String, String> permit() {
        Map<String, String> m = new HashMap<>();
        m.put("XK_XDR_MC", "临沂某食品有限公司");
        m.put("XK_XDR_LB", "法人及非法人组织");
        m.put("XK_XDR_SHXYM", "91350100M000100Y43");
        m.put("XK_FRDB", "王五");
        m.put("XK_XKWS", "食品经营许可决定书");
        m.put("XK_WSH", "临审批食许〔2026〕0001号");
        m.put("XK_XKLB", "普通");
        m.put("XK_XKZS", "食品经营许可证");
        m.put("XK_XKBH", "JY13713020001234");
        m.put("XK_NR", "预包装食品销售");
        m.put("XK_JDRQ", "2026-11-20");
        m.put("XK_YXQZ", "20261120");
        m.put("XK_YXQZI", "2031/11/19");
        m.put("XK_XKJG", "临沂市行政审批服务局");
        m.put("XK_XKJGDM", CITY_BUREAU);
        m.put("XK_ZT", "1");
        m.put("XK_LYDW", "临沂市行政审批服务局");
        m.put("XK_LYDWDM", CITY_BUREAU);
        return m;
    }

    static Map<String, String> penaltyOfNaturalPerson() {
        Map<String, String> m = new HashMap<>();
        m.put("CF_XDR_MC", "张三丰");
        m.put("CF_XDR_LB", "自然人");
        m.put("CF_XDR_ZJLX", "身份证");
        m.put("CF_XDR_ZJHM", "371302199001010011");
        m.put("CF_WSH", "临市监罚〔2026〕15号");
        m.put("CF_WFXW", "销售过期食品");
        m.put("CF_SY", "当事人于2026年10月销售超过保质期的食品，联系电话13812345678");
        m.put("CF_YJ", "《中华人民共和国食品安全法》第一百二十四条");
        m.put("CF_CFLB", "警告；罚款");
        m.put("CF_NR", "警告，并处罚款五千元");
        m.put("CF_NR_FK", "0.5");
        m.put("CF_JDRQ", "2026-11-18");
        m.put("CF_CFJG", "临沂市市场监督管理局");
        m.put("CF_CFJGDM", MARKET);
        m.put("CF_SJLY", "临沂市市场监督管理局");
        m.put("CF_SJLYDM", MARKET);
        return m;
    }

    static CreditRecordParser.Parsed parse(RecordType t, Map<String, String> m) {
        return CreditRecordParser.parse(t, m, TODAY, KNOWN::contains);
    }

    static List<String> problems(RecordType t, Map<String, String> m) {
        return parse(t, m).problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> c = new HashMap<>(m);
        if (v == null) {
            c.remove(k);
        } else {
            c.put(k, v);
        }
        return c;
    }

    @Test
    void a_valid_permit_is_normalised() {
        var parsed = parse(RecordType.PERMIT, with(permit(), "XK_XDR_SHXYM", " 91350100m000100y43 "));
        assertThat(parsed.problems()).isEmpty();
        CreditRecord r = parsed.record();
        assertThat(r.fields()).containsEntry("XK_YXQZ", "2026-11-20").containsEntry("XK_YXQZI", "2031-11-19")
                .containsEntry("XK_XDR_SHXYM", "91350100M000100Y43");
        assertThat(r.naturalKey()).isEqualTo("XK|" + CITY_BUREAU + "|临审批食许〔2026〕0001号");
        assertThat(r.naturalPerson()).isFalse();
    }

    @Test
    void a_valid_penalty_keeps_the_fine_exactly_in_wan_yuan() {
        CreditRecord r = parse(RecordType.PENALTY, penaltyOfNaturalPerson()).record();
        assertThat(r.fineWanYuan()).isEqualTo(new BigDecimal("0.500000"));
        assertThat(r.penaltyCategories()).containsExactly("警告", "罚款");
        assertThat(r.naturalPerson()).isTrue();
        CreditRecord big = parse(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_NR_FK", "1,234.5万元")).record();
        assertThat(big.fields()).containsEntry("CF_NR_FK", "1234.500000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XK_XDR_MC", "XK_XDR_LB", "XK_XDR_SHXYM", "XK_FRDB", "XK_XKWS", "XK_WSH", "XK_XKLB", "XK_NR",
            "XK_JDRQ", "XK_YXQZ", "XK_XKJG", "XK_XKJGDM", "XK_LYDW", "XK_LYDWDM"})
    void every_required_permit_field(String field) {
        assertThat(problems(RecordType.PERMIT, with(permit(), field, null))).contains(field + ":" + CreditRecordParser.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CF_XDR_MC", "CF_XDR_ZJLX", "CF_XDR_ZJHM", "CF_WSH", "CF_WFXW", "CF_SY", "CF_YJ", "CF_CFLB",
            "CF_NR", "CF_JDRQ", "CF_CFJG", "CF_CFJGDM", "CF_SJLY", "CF_SJLYDM"})
    void every_required_penalty_field(String field) {
        assertThat(problems(RecordType.PENALTY, with(penaltyOfNaturalPerson(), field, null)))
                .contains(field + ":" + CreditRecordParser.REQUIRED);
    }

    @Test
    void all_problems_are_reported_not_just_the_first() {
        Map<String, String> m = with(with(with(permit(), "XK_XDR_SHXYM", "91350100M000100Y44"), "XK_JDRQ", "2024-02-30"),
                "XK_XKLB", "一般");
        assertThat(problems(RecordType.PERMIT, m)).containsExactlyInAnyOrder("XK_XDR_SHXYM:" + CreditRecordParser.MALFORMED,
                "XK_JDRQ:" + CreditRecordParser.MALFORMED, "XK_XKLB:" + CreditRecordParser.CODE_UNKNOWN);
    }

    @Test
    void identifiers_are_checked() {
        assertThat(problems(RecordType.PERMIT, with(permit(), "XK_XDR_ZZJG", "MA1FL0LY8"))).contains("XK_XDR_ZZJG:" + CreditRecordParser.MALFORMED);
        var bad = parse(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_XDR_ZJHM", "371302199001010012"));
        assertThat(bad.problems()).extracting(FieldProblem::field).containsExactly("CF_XDR_ZJHM");
        assertThat(bad.problems().get(0).message().bilingual()).as("no ID number in a message").doesNotContain("3713021990");
        // a passport number is not checked as a resident ID
        assertThat(problems(RecordType.PENALTY, with(with(penaltyOfNaturalPerson(), "CF_XDR_ZJLX", "护照"), "CF_XDR_ZJHM", "E12345678"))).isEmpty();
    }

    @Test
    void the_authority_must_be_known() {
        assertThat(problems(RecordType.PERMIT, with(permit(), "XK_XKJGDM", "91350100M000100Y43")))
                .containsExactly("XK_XKJGDM:" + CreditRecordParser.UNKNOWN_AUTHORITY);
    }

    @Test
    void dates_are_real_ordered_and_not_in_the_future() {
        assertThat(problems(RecordType.PERMIT, with(permit(), "XK_JDRQ", "2026-12-01"))).contains("XK_JDRQ:" + CreditRecordParser.INCONSISTENT);
        assertThat(problems(RecordType.PERMIT, with(permit(), "XK_YXQZI", "2025-01-01"))).contains("XK_YXQZI:" + CreditRecordParser.INCONSISTENT);
        assertThat(problems(RecordType.PERMIT, with(permit(), "XK_YXQZ", "2026-11-19"))).contains("XK_YXQZ:" + CreditRecordParser.INCONSISTENT);
        assertThat(problems(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_GSJZQ", "2026-01-01")))
                .contains("CF_GSJZQ:" + CreditRecordParser.INCONSISTENT);
        assertThat(problems(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_JDRQ", "2026/11/31")))
                .contains("CF_JDRQ:" + CreditRecordParser.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-09-27", " 2024-09-27 ", "20240927", "2024/09/27", "2024.09.27", "2024-02-29", "2023-02-29",
            "2024-02-30", "2024-13-01", "2024-00-10", "2024-9-27", "２０２４-09-27", "+2024-09-27", "2024-09-2x", "0000-02-29"})
    void dates_read_as_the_strict_formatters_read_them(String text) {
        // parseDate reads dddd-dd-dd without a formatter: the result must be the formatters' own (the first that reads it)
        LocalDate expected = null;
        for (String pattern : List.of("uuuu-MM-dd", "uuuuMMdd", "uuuu/MM/dd", "uuuu.MM.dd")) {
            try {
                expected = LocalDate.parse(text.strip(), java.time.format.DateTimeFormatter.ofPattern(pattern)
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
                break;
            } catch (java.time.format.DateTimeParseException e) {
                // the next
            }
        }
        assertThat(CreditRecordParser.parseDate(text)).isEqualTo(expected);
        assertThat(expected == null).isEqualTo(List.of("2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-9-27",
                "２０２４-09-27", "+2024-09-27", "2024-09-2x").contains(text));
    }

    @Test
    void amounts() {
        assertThat(problems(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_NR_FK", "-1"))).contains("CF_NR_FK:" + CreditRecordParser.MALFORMED);
        assertThat(problems(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_NR_FK", "0.0000001"))).contains("CF_NR_FK:" + CreditRecordParser.MALFORMED);
        assertThat(problems(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_NR_FK", "五千"))).contains("CF_NR_FK:" + CreditRecordParser.MALFORMED);
        assertThat(problems(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_NR_FK", null))).contains("CF_NR_FK:" + CreditRecordParser.REQUIRED);
    }

    @Test
    void code_sets() {
        assertThat(problems(RecordType.PENALTY, with(penaltyOfNaturalPerson(), "CF_CFLB", "警告；罚没"))).contains("CF_CFLB:" + CreditRecordParser.CODE_UNKNOWN);
        assertThat(problems(RecordType.PERMIT, with(permit(), "XK_XDR_LB", "企业"))).contains("XK_XDR_LB:" + CreditRecordParser.CODE_UNKNOWN);
        assertThat(problems(RecordType.PERMIT, with(permit(), "XK_ZT", "3"))).contains("XK_ZT:" + CreditRecordParser.CODE_UNKNOWN);
    }
}
