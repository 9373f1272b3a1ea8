package io.govhub.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.gateway.credit.CreditFixtures;
import io.govhub.gateway.security.DemoAccounts;
import io.govhub.gateway.security.EndpointRoles;
import io.govhub.gateway.security.LocalAccountStore;
import io.govhub.gateway.support.ApiRoutes;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope battery: a caller with the right role but the wrong county, organisation or partner id. For every API
 * route that names a resource in its path (from the route list: a new one fails here until it has its case), an
 * outsider asking for a real resource of someone else gets 403 or 404, and exactly the answer it gets for a resource
 * that does not exist (status and code), so that the answer does not tell whether it exists. Routes only
 * administrators reach are checked by the role batteries instead. Plus the cases where the scope is in the body: a
 * clerk submitting for another county, a partner or an officer submitting decisions of another organisation.
 */
class ScopeBatteryIT extends EmbeddedAppIT {

    static final String FEIXIAN = "371325";
    static final String FEIXIAN_BUREAU = "11371325MB2860178A";
    static final String ITEM = "11371300MB285002573010000010000"; // the demo's item routed to the provincial SIMULATOR

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    LocalAccountStore accounts;
    @Autowired
    PasswordEncoder encoder;

    private final ObjectMapper json = new ObjectMapper();

    /** Staff of 费县 (county 371325) whom the demo does not have: an editor, a reviewer, a credit officer. */
    private void outsiders() {
        for (Actor a : List.of(new Actor("editor-feixian", "费县指南编辑", Set.of(Role.GUIDE_EDITOR), FEIXIAN, FEIXIAN_BUREAU),
                new Actor("reviewer-feixian", "费县指南审核", Set.of(Role.GUIDE_REVIEWER), FEIXIAN, FEIXIAN_BUREAU),
                new Actor("officer-feixian", "费县信用信息报送员", Set.of(Role.CREDIT_OFFICER), FEIXIAN, FEIXIAN_BUREAU),
                new Actor("applicant-2", "王五（另一申请人）", Set.of(Role.APPLICANT), null, null))) {
            if (!accounts.exists(a.username())) {
                accounts.create(a, encoder.encode(DemoAccounts.PASSWORD), false);
            }
        }
    }

    /** A request as someone, with an optional If-Match and JSON body. */
    private Http.Response call(String method, String path, String user, String ifMatch, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http().uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http().send(Http.auth(b, user));
    }

    /** One way an outsider may try someone else's resource: who, and the request with the id filled in. */
    private record Attempt(String outsider, String method, String pathTemplate, String ifMatch, String body) {
        String path(String id) {
            return pathTemplate.replace("{id}", id);
        }
    }

    private static final String STATUS = "{\"eventId\":\"scope-1\",\"sequence\":1,\"type\":\"ACCEPTANCE\","
            + "\"occurredAt\":\"2026-11-27T09:00:00+08:00\",\"details\":{\"unit\":\"x\",\"handler\":\"y\"}}";
    private static final String REASON = "{\"reason\":\"范围测试\"}";

    @TestFactory
    Stream<DynamicTest> an_outsider_gets_the_answer_of_a_missing_resource_for_every_route_with_an_id() throws Exception {
        outsiders();
        // resources of others: a case of 兰山区 (routed to the provincial SIMULATOR), a credit submission of the
        // market bureau, a guide item and a guide import of the city's approval bureau
        Http.Response c = http().send(Http.auth(HttpRequest.newBuilder(http().uri("/api/v1/cases"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "scope-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("{\"implementationCode\":\"" + ITEM + "\",\"division\":\"371302\","
                        + "\"applicant\":{\"name\":\"李四\",\"idType\":\"ID_CARD\",\"idNumber\":\"371302199001010011\","
                        + "\"phone\":\"13800001234\"}}", StandardCharsets.UTF_8)), "clerk-lanshan"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String caseNumber = c.json().path("caseNumber").asText();
        String missingCase = ITEM + "20200101" + "999999";

        Http.Response s = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json",
                json.writeValueAsBytes(CreditFixtures.companyPenalty("临市监罚〔2026〕scope" + UUID.randomUUID().toString()
                        .substring(0, 8) + "号", "0.5", "2026-11-20")));
        assertThat(s.status()).as(s.body()).isEqualTo(202);
        String submission = s.json().path("submissionId").asText();
        String missingSubmission = new StringBuilder(submission).reverse().toString();

        JsonNode work = http().get("/api/v1/guide-items", "guide-editor").json();
        assertThat(work.size()).as("the demo editor has guide items").isPositive();
        String item = work.get(0).path("id").asText();

        String boundary = "scope-" + UUID.randomUUID();
        byte[] template = http().get("/api/v1/guide-imports/template.csv").raw().body();
        byte[] form = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8), template,
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Http.Response imp = http().send("POST", "/api/v1/guide-imports", "guide-editor",
                "multipart/form-data; boundary=" + boundary, form);
        assertThat(imp.status()).as(imp.body()).isEqualTo(202);
        String importId = imp.json().path("id").asText();

        Map<String, List<String>> ids = Map.of(
                "/api/v1/cases/{caseNumber}", List.of(caseNumber, missingCase),
                "/api/v1/credit/submissions/{id}", List.of(submission, missingSubmission),
                "/api/v1/guide-items/{id}", List.of(item, "99999999"),
                "/api/v1/guide-imports/{id}", List.of(importId, "99999999"));
        Map<String, List<Attempt>> attempts = Map.ofEntries(
                Map.entry("GET /api/v1/cases/{caseNumber}", List.of(
                        new Attempt("clerk-feixian", "GET", "/api/v1/cases/{id}", null, null),
                        new Attempt("applicant-2", "GET", "/api/v1/cases/{id}", null, null),
                        new Attempt("sim-ly-feixian", "GET", "/api/v1/cases/{id}", null, null))),
                Map.entry("GET /api/v1/cases/{caseNumber}/materials/{ref}", List.of(
                        new Attempt("clerk-feixian", "GET", "/api/v1/cases/{id}/materials/m1", null, null),
                        new Attempt("applicant-2", "GET", "/api/v1/cases/{id}/materials/m1", null, null))),
                Map.entry("POST /api/v1/cases/{caseNumber}/withdrawal", List.of(
                        new Attempt("clerk-feixian", "POST", "/api/v1/cases/{id}/withdrawal", null, REASON),
                        new Attempt("applicant-2", "POST", "/api/v1/cases/{id}/withdrawal", null, REASON))),
                // a partner acting for another: the case is the provincial platform's, not 费县's system's
                Map.entry("POST /api/v1/cases/{caseNumber}/status", List.of(
                        new Attempt("sim-ly-feixian", "POST", "/api/v1/cases/{id}/status", null, STATUS),
                        new Attempt("sim-ly-market", "POST", "/api/v1/cases/{id}/status", null, STATUS))),
                Map.entry("GET /api/v1/credit/submissions/{id}", List.of(
                        new Attempt("officer-feixian", "GET", "/api/v1/credit/submissions/{id}", null, null),
                        new Attempt("sim-ly-lanshan", "GET", "/api/v1/credit/submissions/{id}", null, null))),
                Map.entry("GET /api/v1/guide-imports/{id}", List.of(
                        new Attempt("editor-feixian", "GET", "/api/v1/guide-imports/{id}", null, null))),
                Map.entry("GET /api/v1/guide-imports/{id}/rows", List.of(
                        new Attempt("editor-feixian", "GET", "/api/v1/guide-imports/{id}/rows", null, null))),
                Map.entry("GET /api/v1/guide-items/{id}", List.of(
                        new Attempt("editor-feixian", "GET", "/api/v1/guide-items/{id}", null, null),
                        new Attempt("reviewer-feixian", "GET", "/api/v1/guide-items/{id}", null, null))),
                Map.entry("GET /api/v1/guide-items/{id}/versions", List.of(
                        new Attempt("editor-feixian", "GET", "/api/v1/guide-items/{id}/versions", null, null))),
                Map.entry("GET /api/v1/guide-items/{id}/versions/{version}", List.of(
                        new Attempt("editor-feixian", "GET", "/api/v1/guide-items/{id}/versions/1", null, null))),
                Map.entry("GET /api/v1/guide-items/{id}/diff", List.of(
                        new Attempt("reviewer-feixian", "GET", "/api/v1/guide-items/{id}/diff?from=1&to=2", null, null))),
                Map.entry("PUT /api/v1/guide-items/{id}", List.of(
                        new Attempt("editor-feixian", "PUT", "/api/v1/guide-items/{id}", "\"0\"", "{\"name\":\"改名\"}"))),
                Map.entry("POST /api/v1/guide-items/{id}/submit", List.of(
                        new Attempt("editor-feixian", "POST", "/api/v1/guide-items/{id}/submit", "\"0\"", null))),
                Map.entry("POST /api/v1/guide-items/{id}/publish", List.of(
                        new Attempt("reviewer-feixian", "POST", "/api/v1/guide-items/{id}/publish", "\"0\"", REASON))),
                Map.entry("POST /api/v1/guide-items/{id}/send-back", List.of(
                        new Attempt("reviewer-feixian", "POST", "/api/v1/guide-items/{id}/send-back", "\"0\"", REASON))),
                Map.entry("POST /api/v1/guide-items/{id}/withdraw", List.of(
                        new Attempt("reviewer-feixian", "POST", "/api/v1/guide-items/{id}/withdraw", "\"0\"", REASON))));

        List<DynamicTest> tests = new ArrayList<>();
        for (String route : ApiRoutes.api(mappings)) {
            String path = route.substring(route.indexOf(' ') + 1);
            if (!path.contains("{") || ApiRoutes.isPublic(route) || adminOnly(route)) {
                continue;
            }
            List<Attempt> tries = attempts.get(route);
            tests.add(DynamicTest.dynamicTest("has an outsider case: " + route, () -> assertThat(tries)
                    .as(route + ": add how an outsider tries it to ScopeBatteryIT").isNotNull()));
            if (tries == null) {
                continue;
            }
            List<String> realAndMissing = ids.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no resource for " + route));
            for (Attempt a : tries) {
                tests.add(DynamicTest.dynamicTest(a.outsider() + ": " + route, () -> {
                    Http.Response real = call(a.method(), a.path(realAndMissing.get(0)), a.outsider(), a.ifMatch(), a.body());
                    Http.Response missing = call(a.method(), a.path(realAndMissing.get(1)), a.outsider(), a.ifMatch(), a.body());
                    assertThat(real.status()).as(route + " as " + a.outsider() + ": " + real.body()).isIn(403, 404);
                    assertThat(real.status() + " " + real.code()).as("the same answer as for a missing resource (" + route
                            + " as " + a.outsider() + ")").isEqualTo(missing.status() + " " + missing.code());
                }));
            }
        }
        return tests.stream();
    }

    private static boolean adminOnly(String route) {
        return EndpointRoles.ruleFor(EndpointRoles.RULES, route.substring(0, route.indexOf(' ')),
                        route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1"))
                .map(r -> r.roles().equals(Set.of(Role.ADMIN))).orElse(false);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ---- scope in the body

    @Test
    void a_clerk_cannot_submit_a_case_for_another_county() {
        Http.Response r = http().send(Http.auth(HttpRequest.newBuilder(http().uri("/api/v1/cases"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "scope-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("{\"implementationCode\":\"" + ITEM + "\",\"division\":\"371302\","
                        + "\"applicant\":{\"name\":\"李四\",\"idType\":\"ID_CARD\",\"idNumber\":\"371302199001010011\","
                        + "\"phone\":\"13800001234\"}}", StandardCharsets.UTF_8)), "clerk-feixian"));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
    }

    @Test
    void a_clerk_cannot_list_another_countys_cases() {
        Http.Response r = http().get("/api/v1/cases?division=371302", "clerk-feixian");
        assertThat(r.status()).as(r.body()).isEqualTo(403);
    }

    @Test
    void a_partner_or_officer_cannot_submit_decisions_of_another_organisation() throws Exception {
        byte[] penalty = json.writeValueAsBytes(CreditFixtures.companyPenalty("临市监罚〔2026〕scope-b" + UUID.randomUUID()
                .toString().substring(0, 8) + "号", "0.5", "2026-11-20"));
        outsiders();
        // the decision is the market bureau's: 兰山区's system and 费县's officer may not submit it
        for (String who : List.of("sim-ly-lanshan", "officer-feixian")) {
            Http.Response r = http().send("POST", "/api/v1/credit/penalties", who, "application/json", penalty);
            assertThat(r.status()).as(who + ": " + r.body()).isEqualTo(403);
        }
    }

    @Test
    void an_officer_cannot_revoke_another_organisations_decision() throws Exception {
        outsiders();
        String doc = "临市监罚〔2026〕scope-r" + UUID.randomUUID().toString().substring(0, 8) + "号";
        Http.Response s = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json",
                json.writeValueAsBytes(CreditFixtures.companyPenalty(doc, "0.5", "2026-11-20")));
        assertThat(s.status()).isEqualTo(202);
        String body = "{\"type\":\"PENALTY\",\"documentNumber\":\"" + doc + "\",\"reason\":\"范围测试\"}";
        String missing = "{\"type\":\"PENALTY\",\"documentNumber\":\"" + doc + "-none\",\"reason\":\"范围测试\"}";
        Http.Response real = http().send("POST", "/api/v1/credit/revocations", "officer-feixian", "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        Http.Response none = http().send("POST", "/api/v1/credit/revocations", "officer-feixian", "application/json",
                missing.getBytes(StandardCharsets.UTF_8));
        assertThat(real.status()).as(real.body()).isIn(403, 404);
        assertThat(real.status() + " " + real.code()).isEqualTo(none.status() + " " + none.code());
    }
}
