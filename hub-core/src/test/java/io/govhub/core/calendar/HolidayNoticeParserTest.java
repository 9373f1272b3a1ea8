package io.govhub.core.calendar;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayNoticeParserTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static GovhubException rejected(String body, Integer year) {
        try {
            HolidayNoticeParser.parse(json(body), year, true);
        } catch (GovhubException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.CALENDAR_NOTICE_INVALID);
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void a_valid_notice_is_read() {
        HolidayNotice n = HolidayNoticeParser.parse(json("""
                {"$schema":"x","year":2027,"papers":["https://www.gov.cn/x"],
                 "days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},
                         {"name":"春节","date":"2027-02-07","isOffDay":false}]}"""), 2027, true);
        assertThat(n.year()).isEqualTo(2027);
        assertThat(n.days()).hasSize(2);
        assertThat(n.days().get(1).offDay()).isFalse();
    }

    @Test
    void every_problem_is_reported_with_its_field() {
        GovhubException e = rejected("""
                {"year":2027,"papers":[],
                 "days":[{"name":"","date":"2027-02-30","isOffDay":"yes"},
                         {"name":"元旦","date":"2029-01-01","isOffDay":true},
                         {"name":"元旦","date":"2027-01-01","isOffDay":true},
                         {"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", 2027);
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "papers", "days[0].name", "days[0].isOffDay", "days[0].date", "days[1].date", "days[3].date");
    }

    @Test
    void year_must_match_the_request() {
        assertThat(rejected("{\"year\":2026,\"papers\":[\"p\"],\"days\":[{\"name\":\"a\",\"date\":\"2026-01-01\",\"isOffDay\":true}]}", 2027)
                .problems()).extracting(FieldProblem::field).containsExactly("year");
    }

    @Test
    void an_empty_notice_cannot_make_a_year_known() {
        assertThat(rejected("{\"year\":2027,\"papers\":[\"p\"],\"days\":[]}", 2027).problems())
                .extracting(FieldProblem::field).containsExactly("days");
    }

    @Test
    void malformed_json_and_wrong_shapes() {
        assertThat(rejected("{\"year\":", null).problems().get(0).code()).isEqualTo("JSON_MALFORMED");
        assertThat(rejected("[1,2]", null).problems().get(0).field()).isEqualTo("$");
        assertThat(rejected("{\"year\":\"2027\",\"papers\":{},\"days\":7}", null).problems())
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("year", "papers", "days");
    }

    @Test
    void a_gbk_file_is_named_as_such() throws Exception {
        byte[] gbk = "{\"year\":2027,\"papers\":[\"p\"],\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}"
                .getBytes("GBK");
        GovhubException e = assertThrows(gbk);
        assertThat(e.problems()).extracting(FieldProblem::code).containsExactly("ENCODING_NOT_UTF8");
    }

    private static GovhubException assertThrows(byte[] body) {
        try {
            HolidayNoticeParser.parse(body, 2027, true);
        } catch (GovhubException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void the_bundled_2027_file_is_empty_and_parses_without_days() {
        assertThat(BundledHolidayNotices.load()).anySatisfy(b -> {
            assertThat(b.notice().year()).isEqualTo(2027);
            assertThat(b.notice().isPublished()).isFalse();
        });
        assertThatThrownBy(() -> HolidayNoticeParser.parse(json("{\"year\":2027,\"papers\":[],\"days\":[]}"), 2027, true))
                .isInstanceOf(GovhubException.class);
    }
}
