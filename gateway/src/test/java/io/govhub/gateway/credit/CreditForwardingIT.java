package io.govhub.gateway.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.govhub.gateway.cases.DemoSimulators;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import io.govhub.simulators.CaseSystemSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 双公示 forwarding to the provincial credit platform SIMULATOR over real HTTP, through the outbox and relay: an
 * accepted record is forwarded and acknowledged; an outage of the platform loses nothing and needs no one when it
 * ends; a record the platform keeps failing on spends its retry budget, goes to the dead letter and is replayed;
 * revocations and repairs follow the record, in order.
 */
class CreditForwardingIT extends EmbeddedAppIT {

    private static final String MARKET = "11371300MB28500332";
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    DemoSimulators demo;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void platformBack() {
        demo.credit().control(new CaseSystemSimulator.Control(0, 0, false, CaseSystemSimulator.Script.COMPLETE, 0, true));
        demo.credit().failDocumentsContaining(null);
    }

    private ObjectNode penalty(String docNo, String decisionDate) {
        return json.valueToTree(CreditFixtures.companyPenalty(docNo, "0.5", decisionDate));
    }

    private JsonNode submit(ObjectNode record) throws InterruptedException {
        Http.Response receipt = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json",
                record.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String location = receipt.header("Location");
        for (int i = 0; i < 300; i++) {
            JsonNode s = http().get(location, "credit-officer").json();
            if (!s.path("counts").has("RECEIVED")) {
                assertThat(s.path("items").get(0).path("status").asText()).as(s.toString()).isEqualTo("ACCEPTED");
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not processed");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(100);
        }
    }

    private String forwarding(JsonNode submission) {
        return http().get("/api/v1/credit/submissions/" + submission.path("submissionId").asText(), "credit-officer")
                .json().path("items").get(0).path("forwarding").asText();
    }

    private String doc() {
        return "临市监罚〔2026〕F" + System.nanoTime() % 1_000_000 + "号";
    }

    @Test
    void anAcceptedRecordIsForwardedAndAcknowledged() throws Exception {
        String doc = doc();
        JsonNode s = submit(penalty(doc, "2026-11-20"));
        await("forwarded", () -> demo.credit().has("PENALTY", MARKET, doc));
        await("acknowledged", () -> "ACKNOWLEDGED".equals(forwarding(s)));
        // the message as queued names the record; its fields were added when it was sent (the platform found the
        // decision by them), and the message log keeps the body as sent
        String ref = "credit-" + s.path("items").get(0).path("recordId").asLong();
        assertThat(jdbc.queryForObject("select payload::text from delivery_outbox where ref = ? and kind = 'CREDIT_FORWARD'",
                String.class, ref)).doesNotContain("fields").contains("\"action\"");
        assertThat(jdbc.queryForList("select body from message_log where direction = 'OUT' and operation = 'CREDIT_FORWARD'"
                + " and body like ?", String.class, "%" + doc + "%")).isNotEmpty();
    }

    @Test
    void aPlatformOutageLosesNothingAndNeedsNoOneWhenItEnds() throws Exception {
        demo.credit().control(new CaseSystemSimulator.Control(0, 0, true, CaseSystemSimulator.Script.COMPLETE, 0, true));
        String doc = doc();
        JsonNode s = submit(penalty(doc, "2026-11-20"));
        Thread.sleep(2500); // many retry intervals at the test's time scale
        assertThat(demo.credit().has("PENALTY", MARKET, doc)).isFalse();
        assertThat(forwarding(s)).isEqualTo("FORWARDING");
        platformBack();
        await("forwarded after the outage", () -> demo.credit().has("PENALTY", MARKET, doc));
        await("acknowledged", () -> "ACKNOWLEDGED".equals(forwarding(s)));
    }

    @Test
    void afterTheRetryBudgetTheRecordIsInTheDeadLetterAndIsReplayed() throws Exception {
        // the platform fails on this one record (500 every time) and takes the others: the circuit stays closed, the
        // record spends its retry budget (3 attempts in the tests) and goes to the dead letter
        String doc = doc().replace("F", "POISON");
        demo.credit().failDocumentsContaining("POISON");
        JsonNode s = submit(penalty(doc, "2026-11-20"));
        await("dead letter", () -> "FORWARD_FAILED".equals(forwarding(s)));
        long recordId = s.path("items").get(0).path("recordId").asLong();
        Long outboxId = jdbc.queryForObject("select id from delivery_outbox where ref = ? and status = 'DEAD'", Long.class,
                "credit-" + recordId);
        platformBack();
        Http.Response replay = http().send("POST", "/api/v1/admin/deliveries/" + outboxId + "/replay", "admin", null, null);
        assertThat(replay.status()).isEqualTo(200);
        await("forwarded after replay", () -> demo.credit().has("PENALTY", MARKET, doc));
        await("acknowledged", () -> "ACKNOWLEDGED".equals(forwarding(s)));
    }

    @Test
    void aRevocationFollowsTheRecordToThePlatform() throws Exception {
        String doc = doc();
        submit(penalty(doc, "2026-11-20"));
        Http.Response r = http().send("POST", "/api/v1/credit/revocations", "credit-officer", "application/json",
                ("{\"type\":\"PENALTY\",\"documentNumber\":\"" + doc + "\",\"reason\":\"行政复议撤销\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isIn(200, 204);
        String key = "PENALTY|" + MARKET + "|" + doc;
        await("revocation forwarded", () -> demo.credit().events().contains("REVOCATION|" + key));
        java.util.List<String> events = demo.credit().events();
        assertThat(events.indexOf("RECORD|" + key)).as("the record went first").isNotNegative()
                .isLessThan(events.indexOf("REVOCATION|" + key));
    }

    @Test
    void aCreditPlatformThatSpeaksSoapTakesRecordsAndRevocations() throws Exception {
        try (var soapPlatform = new io.govhub.simulators.CreditPlatformSimulator("sim-credit-soap",
                new CaseSystemSimulator.Control(0, 0, false, CaseSystemSimulator.Script.COMPLETE, 0, true))) {
            String partner = "{\"id\":\"sim-credit-soap\",\"name\":\"模拟信用平台（SOAP）\",\"level\":\"PROVINCE\","
                    + "\"division\":\"370000\",\"protocol\":\"SOAP\",\"endpoint\":\"" + soapPlatform.soapEndpoint() + "\","
                    + "\"operations\":[\"CREDIT_FORWARD\"],\"statusMode\":\"PUSH\",\"enabled\":true}";
            Http.Response registered = http().send("POST", "/api/v1/admin/partners", "admin", "application/json",
                    partner.getBytes(StandardCharsets.UTF_8));
            assertThat(registered.status()).as(registered.body()).isIn(200, 201);
            try {
                String doc = doc();
                submit(penalty(doc, "2026-11-20"));
                await("forwarded over SOAP", () -> soapPlatform.has("PENALTY", MARKET, doc));
                Http.Response r = http().send("POST", "/api/v1/credit/revocations", "credit-officer", "application/json",
                        ("{\"type\":\"PENALTY\",\"documentNumber\":\"" + doc + "\",\"reason\":\"行政复议撤销\"}")
                                .getBytes(StandardCharsets.UTF_8));
                assertThat(r.status()).as(r.body()).isIn(200, 204);
                String key = "PENALTY|" + MARKET + "|" + doc;
                await("revocation forwarded over SOAP", () -> soapPlatform.events().contains("REVOCATION|" + key));
                assertThat(soapPlatform.events().indexOf("RECORD|" + key)).isLessThan(
                        soapPlatform.events().indexOf("REVOCATION|" + key));
                // the REST platform got the same record: every enabled partner with CREDIT_FORWARD does
                await("forwarded over REST as well", () -> demo.credit().has("PENALTY", MARKET, doc));
            } finally {
                // off again (the simulator stops with this test), with the version read, as the API wants
                Http.Response off = http().send("PUT", "/api/v1/admin/partners/sim-credit-soap", "admin", "application/json",
                        partner.replace("\"enabled\":true", "\"enabled\":false,\"version\":"
                                + registered.json().path("version").asInt()).getBytes(StandardCharsets.UTF_8));
                assertThat(off.status()).as(off.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void aCreditRepairFollowsTheRecordToThePlatform() throws Exception {
        String doc = doc();
        // decided long enough ago that the minimum publicity period (3 months) has passed
        submit(penalty(doc, "2025-06-02"));
        Http.Response r = http().send("POST", "/api/v1/credit/repairs", "credit-officer", "application/json",
                ("{\"documentNumber\":\"" + doc + "\",\"repairDocument\":\"临信修〔2026〕1号\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isIn(200, 204);
        String key = "PENALTY|" + MARKET + "|" + doc;
        await("repair forwarded", () -> demo.credit().events().contains("REPAIR|" + key));
        java.util.List<String> events = demo.credit().events();
        assertThat(events.indexOf("RECORD|" + key)).as("the record went first").isNotNegative()
                .isLessThan(events.indexOf("REPAIR|" + key));
    }
}
