package io.govhub.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarApiIT extends EmbeddedAppIT {

    @Test
    void the_issue_example() {
        Http.Response r = http().get("/api/v1/calendar/deadline?start=2024-09-27&workingDays=7");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"start\":\"2024-09-27\",\"workingDays\":7,\"due\":\"2024-10-12\"}");
    }

    @Test
    void working_days_between() {
        JsonNode r = http().get("/api/v1/calendar/working-days?from=2024-09-27&to=2024-10-12").json();
        assertThat(r.path("workingDays").asInt()).isEqualTo(7);
    }

    @Test
    void a_year_with_its_days() {
        JsonNode y = http().get("/api/v1/calendar/2024").json();
        assertThat(y.path("year").asInt()).isEqualTo(2024);
        assertThat(y.path("workingDays").asInt()).isEqualTo(251);
        assertThat(y.path("papers").get(0).asText()).startsWith("https://www.gov.cn/");
        assertThat(y.path("days").toString()).contains("{\"date\":\"2024-10-12\",\"name\":\"国庆节\",\"offDay\":false}");
        assertThat(http().get("/api/v1/calendar").json().path("knownYears").toString())
                .startsWith("[2007,").contains("2026");
    }

    @Test
    void years_without_a_notice_are_an_error_with_a_stable_code() {
        Http.Response r = http().get("/api/v1/calendar/deadline?start=2006-12-20&workingDays=3");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("CALENDAR_YEAR_UNKNOWN");
        assertThat(http().get("/api/v1/calendar/2028").code()).isEqualTo("CALENDAR_YEAR_UNKNOWN");
        assertThat(http().get("/api/v1/calendar/working-days?from=2027-12-01&to=2028-01-10").code())
                .isEqualTo("CALENDAR_YEAR_UNKNOWN");
    }

    @Test
    void an_administrator_loads_2027_and_it_is_in_effect_at_once() {
        // before: 2026-12-31 + 1 working day lands in 2027, which has no notice yet
        Http.Response before = http().get("/api/v1/calendar/deadline?start=2026-12-31&workingDays=1");
        assertThat(before.code()).isEqualTo("CALENDAR_YEAR_UNKNOWN");

        byte[] notice = """
                {"year":2027,"papers":["https://www.gov.cn/example-2027-notice"],
                 "days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""".getBytes(StandardCharsets.UTF_8);
        // not every account may do it
        assertThat(http().send("PUT", "/api/v1/calendar/2027", null, "application/json", notice).status()).isEqualTo(401);
        Http.Response denied = http().send("PUT", "/api/v1/calendar/2027", "clerk-lanshan", "application/json", notice);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("ACCESS_DENIED");

        Http.Response loaded = http().send("PUT", "/api/v1/calendar/2027", "admin", "application/json", notice);
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().path("days").asInt()).isEqualTo(1);

        // after: 2027-01-01 (Fri) is off, 01-02/03 the weekend, so the first working day is 2027-01-04
        JsonNode after = http().get("/api/v1/calendar/deadline?start=2026-12-31&workingDays=1").json();
        assertThat(after.path("due").asText()).isEqualTo("2027-01-04");
        assertThat(http().get("/api/v1/calendar/2027").json().path("source").asText()).isEqualTo("UPLOADED");

        // audited, with who did it
        JsonNode audit = http().get("/api/v1/audit?limit=20", "admin").json();
        assertThat(audit.toString()).contains("\"event\":\"CALENDAR_YEAR_LOADED\"").contains("\"user\":\"admin\"");
        assertThat(audit.toString()).contains("\"event\":\"ACCESS_DENIED\"").contains("\"user\":\"clerk-lanshan\"");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.govhub.core.calendar.HolidayNoticeStore notices;

    @Test
    void a_notice_loaded_through_another_node_is_in_effect_here_shortly_after() throws Exception {
        assertThat(http().get("/api/v1/calendar").json().path("knownYears").toString()).doesNotContain("2031");
        // another node saves 2031 into the shared database: this node's service is not told
        byte[] json = """
                {"year":2031,"papers":["https://www.gov.cn/test-2031"],"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true}]}"""
                .getBytes(StandardCharsets.UTF_8);
        notices.save(io.govhub.core.calendar.HolidayNoticeParser.parse(json, 2031, true),
                io.govhub.core.calendar.HolidayNoticeStore.Source.UPLOADED,
                io.govhub.core.calendar.CalendarService.sha256(json), "admin@another-node");
        String known = "";
        for (int i = 0; i < 50 && !known.contains("2031"); i++) {
            Thread.sleep(100);
            known = http().get("/api/v1/calendar").json().path("knownYears").toString();
        }
        assertThat(known).as("known here after the refresh interval (500 ms in the tests)").contains("2031");
    }

    @Test
    void an_invalid_notice_is_rejected_whole_with_every_problem() {
        byte[] bad = """
                {"year":2029,"papers":["p"],"days":[{"name":"元旦","date":"2029-01-01","isOffDay":true},
                 {"name":"","date":"2029-13-01","isOffDay":true}]}""".getBytes(StandardCharsets.UTF_8);
        Http.Response r = http().send("PUT", "/api/v1/calendar/2029", "admin", "application/json", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("CALENDAR_NOTICE_INVALID");
        assertThat(r.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("days[1].name", "days[1].date");
        // nothing of it was stored
        assertThat(http().get("/api/v1/calendar/2029").code()).isEqualTo("CALENDAR_YEAR_UNKNOWN");
    }

    @Test
    void a_gbk_notice_is_named_as_such() throws Exception {
        byte[] gbk = "{\"year\":2030,\"papers\":[\"p\"],\"days\":[{\"name\":\"元旦\",\"date\":\"2030-01-01\",\"isOffDay\":true}]}"
                .getBytes("GBK");
        Http.Response r = http().send("PUT", "/api/v1/calendar/2030", "admin", "application/json;charset=UTF-8", gbk);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("ENCODING_NOT_UTF8");
    }
}
