package io.govhub.guide.validation;

import io.govhub.core.shared.FieldProblem;
import io.govhub.guide.DemoCatalog;
import io.govhub.guide.model.FeeItem;
import io.govhub.guide.model.GuideContent;
import io.govhub.guide.model.TimeLimit;
import io.govhub.guide.lifecycle.GuideJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule; each starts from a valid demo guide and breaks one thing. */
class GuideValidatorTest {

    private static final GuideValidator VALIDATOR = new GuideValidator();
    private static GuideContent valid;
    private static GuideContent charged;

    @BeforeAll
    static void load() throws Exception {
        valid = DemoCatalog.guides().get(0);
        charged = DemoCatalog.guides().stream().filter(g -> Boolean.TRUE.equals(g.charged())).findFirst().orElseThrow();
    }

    /** A copy of {@code g} with one JSON field replaced (null removes it). */
    private static GuideContent with(GuideContent g, String field, Object value) {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) GuideJson.MAPPER.valueToTree(g);
        if (value == null) {
            node.remove(field);
        } else {
            node.set(field, GuideJson.MAPPER.valueToTree(value));
        }
        return GuideJson.MAPPER.convertValue(node, GuideContent.class);
    }

    private static List<String> fields(GuideContent g) {
        return VALIDATOR.validate(g).stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void every_demo_guide_is_valid() throws Exception {
        for (GuideContent g : DemoCatalog.guides()) {
            assertThat(VALIDATOR.validate(g)).as(g.name()).isEmpty();
        }
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"name", "legalBasis", "implementingBody", "process", "materials", "consultPhone", "charged"})
    void each_element_the_linyi_measures_require(String field) {
        assertThat(fields(with(valid, field, null))).contains(field + ":" + GuideValidator.REQUIRED);
    }

    @Test
    void a_time_limit_is_required() {
        assertThat(fields(with(with(valid, "legalLimit", null), "promisedLimit", null)))
                .contains("promisedLimit:" + GuideValidator.REQUIRED);
    }

    @Test
    void a_charged_service_lists_its_fees_with_their_basis() {
        assertThat(fields(with(charged, "fees", List.of()))).contains("fees:" + GuideValidator.REQUIRED);
        assertThat(fields(with(charged, "fees", List.of(new FeeItem("工本费", new BigDecimal("20.00"), null)))))
                .contains("fees[0].legalBasis:" + GuideValidator.REQUIRED);
    }

    @Test
    void a_negative_fee_or_one_below_a_fen_is_rejected() {
        assertThat(fields(with(charged, "fees", List.of(new FeeItem("工本费", new BigDecimal("-1"), "依据")))))
                .contains("fees[0].amountYuan:" + GuideValidator.MALFORMED);
        assertThat(fields(with(charged, "fees", List.of(new FeeItem("工本费", new BigDecimal("1.005"), "依据")))))
                .contains("fees[0].amountYuan:" + GuideValidator.MALFORMED);
    }

    @Test
    void a_free_service_lists_no_fees() {
        assertThat(fields(with(valid, "fees", List.of(new FeeItem("工本费", BigDecimal.ONE, "依据")))))
                .contains("fees:" + GuideValidator.INCONSISTENT);
    }

    @Test
    void promised_limit_longer_than_legal_limit() {
        GuideContent g = with(with(valid, "legalLimit", new TimeLimit(5, "WORKING_DAY", null)),
                "promisedLimit", new TimeLimit(10, "WORKING_DAY", null));
        List<FieldProblem> p = VALIDATOR.validate(g);
        assertThat(p).extracting(x -> x.field() + ":" + x.code()).contains("promisedLimit:" + GuideValidator.INCONSISTENT);
        assertThat(p.get(0).message().zh()).contains("10 个工作日").contains("5 个工作日");
    }

    @Test
    void malformed_codes() {
        assertThat(fields(with(valid, "basicCode", "01-000"))).contains("basicCode:" + GuideValidator.MALFORMED);
        assertThat(fields(with(valid, "implementationCode", "X" + valid.implementationCode())))
                .contains("implementationCode:" + GuideValidator.MALFORMED);
        assertThat(fields(with(valid, "divisionCode", "3713"))).contains("divisionCode:" + GuideValidator.MALFORMED);
    }

    @Test
    void an_implementing_body_whose_uscc_fails() {
        String bad = valid.implementingBodyUscc().substring(0, 17) + "0";
        assertThat(fields(with(valid, "implementingBodyUscc", bad))).contains("implementingBodyUscc:" + GuideValidator.MALFORMED);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"typeCode, 99", "exerciseLevelCode, 8", "tongbanScopeCode, 5", "implementingBodyNatureCode, 4"})
    void unknown_code_set_values(String field, String value) {
        assertThat(fields(with(valid, field, value))).contains(field + ":" + GuideValidator.CODE_UNKNOWN);
    }

    @Test
    void unknown_service_object_and_handling_form() {
        assertThat(fields(with(valid, "serviceObjectCodes", List.of("1", "7")))).contains("serviceObjectCodes[1]:" + GuideValidator.CODE_UNKNOWN);
        assertThat(fields(with(valid, "handlingFormCodes", List.of("5")))).contains("handlingFormCodes[0]:" + GuideValidator.CODE_UNKNOWN);
    }

    @Test
    void every_problem_names_its_field_in_both_languages() {
        GuideContent empty = new GuideContent(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        List<FieldProblem> p = VALIDATOR.validate(empty);
        assertThat(p).hasSizeGreaterThan(10).allSatisfy(x -> {
            assertThat(x.field()).isNotBlank();
            assertThat(x.message().zh()).isNotBlank();
            assertThat(x.message().en()).isNotBlank();
        });
    }
}
