package io.govhub.gateway.web;

import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of bad input, one small test per failure: each gets a 4xx with a stable code in problem+json, never
 * a 500, a stack trace or an internal message.
 */
class BadInputIT extends EmbeddedAppIT {

    private static final String VALIDATE = "/api/v1/identifiers/validate";

    private static void problem(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.govhub").doesNotContain("org.springframework");
    }

    @Test
    void malformed_json() {
        problem(http().postJson(VALIDATE, "{\"kind\":\"uscc\",\"value\":"), 400, "REQUEST_MALFORMED");
    }

    @Test
    void empty_body() {
        problem(http().postJson(VALIDATE, ""), 400, "REQUEST_MALFORMED");
    }

    @Test
    void wrong_type() {
        Http.Response r = http().postJson(VALIDATE, "{\"kind\":\"uscc\",\"value\":{\"nested\":1}}");
        problem(r, 400, "REQUEST_FIELD_INVALID");
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("value");
    }

    @Test
    void unknown_field() {
        Http.Response r = http().postJson(VALIDATE, "{\"kind\":\"uscc\",\"value\":\"x\",\"admin\":true}");
        problem(r, 400, "REQUEST_FIELD_UNKNOWN");
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("admin");
    }

    @Test
    void unknown_query_parameter() {
        Http.Response r = http().get("/api/v1/calendar/deadline?start=2024-09-27&workingDays=7&workday=1");
        problem(r, 400, "REQUEST_PARAMETER_UNKNOWN");
        assertThat(r.json().path("detail").asText()).contains("workday");
    }

    @Test
    void missing_parameter() {
        Http.Response r = http().get("/api/v1/calendar/deadline?start=2024-09-27");
        problem(r, 400, "REQUEST_PARAMETER_MISSING");
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("workingDays");
    }

    @Test
    void malformed_date() {
        problem(http().get("/api/v1/calendar/deadline?start=2024-02-30&workingDays=7"), 400, "REQUEST_PARAMETER_INVALID");
    }

    @Test
    void non_numeric_working_days() {
        problem(http().get("/api/v1/calendar/deadline?start=2024-09-27&workingDays=seven"), 400,
                "REQUEST_PARAMETER_INVALID");
    }

    @Test
    void working_days_out_of_range() {
        problem(http().get("/api/v1/calendar/deadline?start=2024-09-27&workingDays=0"), 400, "CALENDAR_RANGE_INVALID");
        problem(http().get("/api/v1/calendar/deadline?start=2024-09-27&workingDays=99999999"), 400,
                "CALENDAR_RANGE_INVALID");
    }

    @Test
    void date_range_too_long() {
        problem(http().get("/api/v1/calendar/working-days?from=2007-01-01&to=2030-01-01"), 400, "CALENDAR_RANGE_INVALID");
    }

    @Test
    void oversized_body_with_declared_length() {
        byte[] big = ("{\"kind\":\"uscc\",\"value\":\"" + "9".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        problem(http().send("POST", VALIDATE, null, "application/json", big), 413, "REQUEST_TOO_LARGE");
    }

    @Test
    void oversized_chunked_body() {
        byte[] big = ("{\"kind\":\"uscc\",\"value\":\"" + "9".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        // a stream publisher has no length: the request goes out chunked
        HttpRequest.Builder b = HttpRequest.newBuilder(http().uri(VALIDATE)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        problem(http().send(b), 413, "REQUEST_TOO_LARGE");
    }

    @Test
    void gbk_body_declared_as_utf8() throws Exception {
        byte[] gbk = "{\"kind\":\"uscc\",\"value\":\"统一社会信用代码\"}".getBytes("GBK");
        problem(http().send("POST", VALIDATE, null, "application/json;charset=UTF-8", gbk), 400, "REQUEST_ENCODING");
    }

    @Test
    void overlong_identifier_value() {
        problem(http().postJson(VALIDATE, "{\"kind\":\"uscc\",\"value\":\"" + "9".repeat(500) + "\"}"), 400,
                "REQUEST_FIELD_INVALID");
    }

    @Test
    void xml_where_json_is_expected() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        Http.Response r = http().send("POST", VALIDATE, null, "application/xml", xxe.getBytes(StandardCharsets.UTF_8));
        problem(r, 415, "REQUEST_MEDIA_TYPE");
        assertThat(r.body()).doesNotContain("root:");
    }

    @Test
    void wrong_method() {
        problem(http().send("DELETE", "/api/v1/divisions/371302", "admin", null, null), 405, "REQUEST_METHOD");
    }

    @Test
    void sql_injection_in_a_path_is_just_a_malformed_code() {
        problem(http().get("/api/v1/divisions/371302'%20OR%20'1'='1"), 400, "DIVISION_CODE_MALFORMED");
        // and the table is still there
        assertThat(http().get("/api/v1/divisions/371302").status()).isEqualTo(200);
    }

    @Test
    void sql_injection_in_a_parameter_finds_nothing() {
        problem(http().get("/api/v1/organisations?division=371302%27%3B%20DROP%20TABLE%20organisation%3B--"), 400,
                "DIVISION_CODE_MALFORMED");
        problem(http().get("/api/v1/organisations/x'%20OR%20'1'='1"), 404, "ORGANISATION_NOT_FOUND");
        assertThat(http().get("/api/v1/organisations").json().size()).isEqualTo(26);
    }

    @Test
    void unknown_api_path_for_a_signed_in_caller() {
        problem(http().get("/api/v1/no-such-thing", "admin"), 404, "RESOURCE_NOT_FOUND");
    }

    @Test
    void bad_credentials() {
        Http.Response r = http().send(Http.auth(HttpRequest.newBuilder(http().uri("/api/v1/me")), "nobody").GET());
        problem(r, 401, "AUTHENTICATION_REQUIRED");
        assertThat(r.header("WWW-Authenticate")).contains("Basic");
    }
}
