package io.govhub.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.gateway.security.DemoAccounts;
import io.govhub.gateway.security.LocalAccountStore;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import io.govhub.simulators.CaseSystemSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一网通办 end to end through the real API, the real broker and outbox relay, and partner SIMULATORS over real HTTP:
 * routing and fallback, submission paths and idempotency, dispatch through an outage, the dead letter and replay,
 * status messages (push and poll, out of order, duplicates, illegal moves), time limits with a pause across National
 * Day, region scoping, public status without personal data, uploads, withdrawal and the message log's chain.
 */
class CaseFlowIT extends EmbeddedAppIT {

    /** The test's own partner: receives cases, never reports on its own; the test speaks for it. */
    static CaseSystemSimulator quiet;
    static final String PARTNER = "test-quiet-system";
    /** Items of the test partner: a city-level implementation code prefix, routed at 371300. */
    static final String ITEM = "11371300MB285002573990000010000";
    static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    LocalAccountStore accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoSimulators demo;
    @Autowired
    io.govhub.core.audit.MessageLog messageLog;
    @Autowired
    io.govhub.core.caseflow.CaseService caseService;

    @BeforeAll
    static void startPartner() throws Exception {
        quiet = new CaseSystemSimulator(PARTNER, new CaseSystemSimulator.Control(0, 0, false,
                CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
    }

    @AfterAll
    static void stopPartner() {
        quiet.close();
    }

    @BeforeEach
    void registerPartner() {
        quiet.control(new CaseSystemSimulator.Control(0, 0, false, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        if (!accounts.exists(PARTNER)) {
            accounts.create(new Actor(PARTNER, "测试对接系统", Set.of(Role.PARTNER_SYSTEM), "371300", null),
                    encoder.encode(DemoAccounts.PASSWORD), false);
            Http.Response p = http().send("POST", "/api/v1/admin/partners", "admin", "application/json", ("{\"id\":\""
                    + PARTNER + "\",\"name\":\"测试对接系统\",\"level\":\"CITY\",\"division\":\"371300\",\"protocol\":\"REST\","
                    + "\"endpoint\":\"" + quiet.baseUrl() + "\",\"operations\":[\"DISPATCH\",\"STATUS_PUSH\"]}")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(p.status()).as(p.body()).isEqualTo(201);
            Http.Response r = http().send("POST", "/api/v1/admin/routes", "admin", "application/json",
                    ("{\"pattern\":\"11371300MB285002573990*\",\"division\":\"371300\",\"partner\":\"" + PARTNER
                            + "\",\"timeLimitWorkingDays\":10}").getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static String body(String code, String division, String phone) {
        return "{\"implementationCode\":\"" + code + "\",\"division\":\"" + division + "\",\"applicant\":{\"name\":\"李四\","
                + "\"idType\":\"ID_CARD\",\"idNumber\":\"371302199001010011\",\"phone\":\"" + phone + "\"}}";
    }

    Http.Response submit(String user, String key, String json) {
        return http().send(Http.auth(java.net.http.HttpRequest.newBuilder(http().uri("/api/v1/cases"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), user));
    }

    String newCase(String code, String division, String user) {
        Http.Response r = submit(user, "k-" + UUID.randomUUID(), body(code, division, "13800001234"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("caseNumber").asText();
    }

    JsonNode awaitCase(String caseNumber, String status) throws InterruptedException {
        JsonNode c = null;
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            c = http().get("/api/v1/cases/" + caseNumber, "admin").json();
            if (status.equals(c.path("status").asText())) {
                return c;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("case " + caseNumber + " did not reach " + status + ": " + c);
    }

    Http.Response status(String caseNumber, int seq, String type, String occurredAt, String details) {
        return http().send("POST", "/api/v1/cases/" + caseNumber + "/status", PARTNER, "application/json",
                ("{\"eventId\":\"e-" + seq + "-" + type + "\",\"sequence\":" + seq + ",\"type\":\"" + type
                        + "\",\"occurredAt\":\"" + occurredAt + "\",\"details\":" + details + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    static final String ACCEPT = "{\"unit\":\"市行政审批服务局\",\"handler\":\"王受理\"}";
    static final String STEP = "{\"name\":\"审查\",\"action\":\"通过\",\"handler\":\"赵审查\"}";
    static final String DONE = "{\"result\":\"准予许可\",\"licenceNumber\":\"JY13713000001\"}";

    // -------------------------------------------------------------------------------- end to end, demo

    @Test
    void countyHallCaseGoesToTheProvincialPlatformSimulatorAndBackToCompletion() throws Exception {
        // a city-level item applied for at the 兰山区 hall: no rule in 371302 or 371300 matches, the province's does
        String no = newCase("11371300MB285002573010000010000", "371302", "clerk-lanshan");
        assertThat(no).startsWith("11371300MB285002573010000010000").hasSize(31 + 8 + 6);
        JsonNode done = awaitCase(no, "COMPLETED");
        assertThat(done.path("handlingSystem").asText()).isEqualTo(DemoSimulators.PROVINCE);
        assertThat(done.path("itemName").asText()).isEqualTo("食品经营许可（新办）");
        assertThat(done.path("timeLimitWorkingDays").asInt()).isEqualTo(5); // the published guide's promised limit
        assertThat(done.path("result").path("licenceNumber").asText()).startsWith("SIM");
        assertThat(done.path("steps")).hasSize(3);
        assertThat(done.path("steps").findValuesAsText("state")).containsOnly("APPLIED");
        assertThat(demo.province().has(no)).isTrue();
        // every message crossing the boundary is in the log: submission in, dispatch out, three status messages in
        JsonNode log = http().get("/api/v1/admin/message-log?caseNumber=" + no, "admin").json();
        List<String> ops = new ArrayList<>();
        log.forEach(l -> ops.add(l.path("direction").asText() + " " + l.path("operation").asText()));
        assertThat(ops).contains("IN CASE_SUBMIT", "OUT CASE_DISPATCH").filteredOn("IN CASE_STATUS"::equals).hasSize(3);
        // the logged submission has the applicant masked
        String submitted = log.get(0).path("body").asText();
        assertThat(submitted).doesNotContain("371302199001010011").doesNotContain("13800001234").doesNotContain("李四");
    }

    @Test
    void aCountySystemThatCannotPushIsPolled() throws Exception {
        String no = newCase("11371325MB2860178A4010250010000", "371325", "clerk-feixian");
        JsonNode done = awaitCase(no, "COMPLETED");
        assertThat(done.path("handlingSystem").asText()).isEqualTo(DemoSimulators.FEIXIAN);
        assertThat(done.path("steps")).hasSize(3);
    }

    @Test
    void aPolledPartnerIsPolledByOneNodeAtATime() throws Exception {
        // another node holds the partner's polling lock (ShedLock's row in the shared database): this node does not poll
        jdbc.update("insert into shedlock (name, lock_until, locked_at, locked_by) values (?, now() + interval '1 hour',"
                + " now(), 'another-node') on conflict (name) do update set lock_until = excluded.lock_until,"
                + " locked_by = excluded.locked_by", "status-poll:" + DemoSimulators.FEIXIAN);
        String no;
        try {
            no = newCase("11371325MB2860178A4010250010000", "371325", "clerk-feixian");
            Thread.sleep(2500); // about eight polling rounds at the tests' 300 ms: enough to complete it if polled
            JsonNode waiting = http().get("/api/v1/cases/" + no, "admin").json();
            assertThat(waiting.path("status").asText()).isNotEqualTo("COMPLETED");
            assertThat(waiting.path("steps")).isEmpty();
        } finally {
            // released as ShedLock releases (the row stays; the provider remembers it exists and only updates it)
            jdbc.update("update shedlock set lock_until = now() where name = ?", "status-poll:" + DemoSimulators.FEIXIAN);
        }
        // the lock released (or expired, had that node died): polled again, the case completes
        assertThat(awaitCase(no, "COMPLETED").path("steps")).hasSize(3);
    }

    @Test
    void routingFallsBackUpTheDivisionTreeAndSaysSoWhenNothingHandlesAnItem() throws InterruptedException {
        // a 兰山区 item in 兰山区: the county's own rule
        String no = newCase("11371302MB286010004010020010000", "371302", "clerk-lanshan");
        assertThat(http().get("/api/v1/cases/" + no, "admin").json().path("handlingSystem").asText())
                .isEqualTo(DemoSimulators.LANSHAN);
        // the test partner's items at 兰山区: the city's rule
        String viaCity = newCase(ITEM, "371302", "clerk-lanshan");
        assertThat(http().get("/api/v1/cases/" + viaCity, "admin").json().path("handlingSystem").asText()).isEqualTo(PARTNER);
        // an item only the province's catch-all handles
        String key = "k-" + UUID.randomUUID();
        String orphan = body("11371399MB0000000X1123456", "371302", "13800001234");
        Http.Response first = submit("clerk-lanshan", key, orphan);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // with the province's catch-all disabled, an item nobody handles is an explicit error; disabled straight in
        // the database, as another node would: this node sees it once its remembered copy expires (within a second)
        jdbc.update("update partner_system set enabled = false where id = ?", DemoSimulators.PROVINCE);
        try {
            awaitProvinceEnabled(false);
            Http.Response r = submit("clerk-lanshan", "k-" + UUID.randomUUID(), orphan);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("CASE_NO_HANDLER");
            assertThat(r.json().path("detail").asText()).contains("371302").contains("370000");
            // the first submission sent again with its key still gets its case, though nothing would route it now
            Http.Response replay = submit("clerk-lanshan", key, orphan);
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.json().path("caseNumber").asText()).isEqualTo(first.json().path("caseNumber").asText());
        } finally {
            jdbc.update("update partner_system set enabled = true where id = ?", DemoSimulators.PROVINCE);
            awaitProvinceEnabled(true);
        }
    }

    @Autowired
    io.govhub.core.caseflow.PartnerRegistry registry;

    private void awaitProvinceEnabled(boolean enabled) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (registry.partner(DemoSimulators.PROVINCE).orElseThrow().enabled() != enabled) {
            assertThat(System.nanoTime()).as("the change in the database seen by this node").isLessThan(until);
            Thread.sleep(20);
        }
    }

    // ------------------------------------------------------------------------------------- submission

    @Test
    void fiftyConcurrentIdenticalSubmissionsMakeOneCase() throws Exception {
        String key = "k-" + UUID.randomUUID();
        String json = body(ITEM, "371302", "13800001234");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Http.Response>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(pool.submit((Callable<Http.Response>) () -> submit("clerk-lanshan", key, json)));
        }
        Set<String> numbers = new HashSet<>();
        int created = 0;
        for (Future<Http.Response> f : all) {
            Http.Response r = f.get();
            assertThat(r.status()).as(r.body()).isIn(200, 201);
            created += r.status() == 201 ? 1 : 0;
            numbers.add(r.json().path("caseNumber").asText());
        }
        pool.shutdown();
        assertThat(numbers).hasSize(1);
        assertThat(created).isEqualTo(1);
        Integer stored = jdbc.queryForObject("select count(*) from hub_case where case_number = ?", Integer.class,
                numbers.iterator().next());
        assertThat(stored).isEqualTo(1);
        Integer outbox = jdbc.queryForObject("select count(*) from delivery_outbox where ref = ?", Integer.class,
                numbers.iterator().next());
        assertThat(outbox).isEqualTo(1);
    }

    @Test
    void aCaseNumberAlreadyTakenIsPassedOverAndNothingIsWrittenTwice() {
        // the six-digit serial comes round within a day: the one-statement write finds the number taken, rolls back,
        // and the general way takes the next serials until one is free
        String a = newCase(ITEM, "371302", "clerk-lanshan");
        String prefix = a.substring(0, a.length() - 6);
        int serial = Integer.parseInt(a.substring(a.length() - 6));
        List<String> taken = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String no = prefix + String.format("%06d", (serial + i) % 1_000_000);
            taken.add(no);
            jdbc.update("insert into hub_case select (jsonb_populate_record(null::hub_case, to_jsonb(h)"
                    + " || jsonb_build_object('case_number', ?::text))).* from hub_case h where case_number = ?", no, a);
        }
        String key = "k-" + UUID.randomUUID();
        Http.Response r = submit("clerk-lanshan", key, body(ITEM, "371302", "13800001234"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String b = r.json().path("caseNumber").asText();
        // serials are handed out in order on this node (one block of the sequence at a time), so the next three were
        // the taken ones
        assertThat(b).isEqualTo(prefix + String.format("%06d", (serial + 4) % 1_000_000));
        assertThat(jdbc.queryForObject("select case_number from case_idempotency where idem_key = ?", String.class, key))
                .isEqualTo(b);
        for (String no : taken) {
            assertThat(jdbc.queryForObject("select count(*) from delivery_outbox where ref = ?", Integer.class, no))
                    .as("no dispatch for a taken number").isZero();
            assertThat(jdbc.queryForObject("select count(*) from message_log where case_number = ?", Integer.class, no))
                    .as("no message recorded for a taken number").isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from delivery_outbox where ref = ?", Integer.class, b)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from message_log where case_number = ? and operation = 'CASE_SUBMIT'",
                Integer.class, b)).isEqualTo(1);
        assertThat(submit("clerk-lanshan", key, body(ITEM, "371302", "13800001234")).json().path("caseNumber").asText())
                .as("a replay").isEqualTo(b);
    }

    @Test
    void theSameKeyForADifferentApplicationIsRefused() {
        String key = "k-" + UUID.randomUUID();
        assertThat(submit("clerk-lanshan", key, body(ITEM, "371302", "13800001234")).status()).isEqualTo(201);
        Http.Response again = submit("clerk-lanshan", key, body(ITEM, "371302", "13900001234"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("CASE_IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aSubmissionWithoutAnIdempotencyKeyIsRefused() {
        Http.Response r = http().send("POST", "/api/v1/cases", "clerk-lanshan", "application/json",
                body(ITEM, "371302", "13800001234").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("CASE_IDEMPOTENCY_KEY_MISSING");
    }

    @Test
    void everyProblemOfAnApplicationIsListedWithItsField() {
        Http.Response r = submit("clerk-lanshan", "k-" + UUID.randomUUID(), "{\"implementationCode\":\"abc\","
                + "\"division\":\"999999\",\"applicant\":{\"name\":\"\",\"idType\":\"ID_CARD\",\"idNumber\":\"371302199001010012\","
                + "\"phone\":\"12345\"}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("CASE_INVALID");
        assertThat(r.json().path("errors").findValuesAsText("field")).contains("implementationCode", "division",
                "applicant.name", "applicant.idNumber", "applicant.phone");
        assertThat(jdbc.queryForObject("select count(*) from hub_case where division_code = '999999'", Integer.class)).isZero();
    }

    @Test
    void applicantsSubmitOnlineAndSeeOnlyTheirOwnCases() {
        Http.Response r = submit("applicant", "k-" + UUID.randomUUID(), body(ITEM, "371325", "13800001234"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("channel").asText()).isEqualTo("ONLINE");
        String no = r.json().path("caseNumber").asText();
        assertThat(http().get("/api/v1/cases", "applicant").json().findValuesAsText("caseNumber")).contains(no);
        String clerkCase = newCase(ITEM, "371302", "clerk-lanshan");
        assertThat(http().get("/api/v1/cases/" + clerkCase, "applicant").status()).isEqualTo(404);
    }

    @Test
    void aPartnerSystemSubmitsForItsHall() {
        Http.Response r = submit(PARTNER, "k-" + UUID.randomUUID(), body(ITEM, "371300", "13800001234"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("channel").asText()).isEqualTo("PARTNER");
    }

    @Test
    void aClerkActsForTheirOwnCountyOnly() {
        String feixianCase = newCase(ITEM, "371325", "clerk-feixian");
        // cannot see it: 404, as if it did not exist
        Http.Response seen = http().get("/api/v1/cases/" + feixianCase, "clerk-lanshan");
        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.code()).isEqualTo("CASE_NOT_FOUND");
        assertThat(http().get("/api/v1/cases", "clerk-lanshan").json().findValuesAsText("caseNumber"))
                .doesNotContain(feixianCase);
        // cannot withdraw it
        assertThat(http().send("POST", "/api/v1/cases/" + feixianCase + "/withdrawal", "clerk-lanshan", "application/json",
                "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
        // cannot submit for 费县
        Http.Response r = submit("clerk-lanshan", "k-" + UUID.randomUUID(), body(ITEM, "371325", "13800001234"));
        assertThat(r.status()).isEqualTo(403);
        // staff of other kinds cannot submit at all
        assertThat(submit("guide-editor", "k-" + UUID.randomUUID(), body(ITEM, "371302", "13800001234")).status())
                .isEqualTo(403);
    }

    // ---------------------------------------------------------------------------- dispatch and delivery

    @Test
    void anOutageOfTheTargetQueuesTheCaseAndDeliversItOnceWhenItRecovers() throws Exception {
        quiet.control(new CaseSystemSimulator.Control(0, 0, true, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        Thread.sleep(2500); // many attempts' worth of backoff at the test's time scale
        assertThat(quiet.has(no)).isFalse();
        assertThat(jdbc.queryForObject("select status from delivery_outbox where ref = ?", String.class, no))
                .isEqualTo("PENDING"); // an outage does not spend the retry budget
        assertThat(http().get("/api/v1/cases/" + no, "admin").json().path("status").asText()).isEqualTo("SUBMITTED");
        long duplicatesBefore = quiet.duplicates();
        quiet.control(new CaseSystemSimulator.Control(0, 0, false, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        awaitCase(no, "DISPATCHED");
        assertThat(quiet.has(no)).isTrue();
        assertThat(quiet.duplicates()).isEqualTo(duplicatesBefore);
    }

    @Test
    void afterTheRetryBudgetACaseGoesToTheDeadLetterAndIsReplayed() throws Exception {
        quiet.control(new CaseSystemSimulator.Control(0, 1.0, false, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"DEAD".equals(jdbc.queryForObject("select status from delivery_outbox where ref = ?", String.class, no))) {
            assertThat(System.nanoTime()).as("dead letter reached").isLessThan(until);
            Thread.sleep(100);
        }
        JsonNode dead = http().get("/api/v1/admin/deliveries?status=DEAD", "admin").json();
        JsonNode entry = null;
        for (JsonNode e : dead.path("entries")) {
            if (no.equals(e.path("ref").asText())) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("attempts").asInt()).isEqualTo(3);
        assertThat(entry.path("lastError").asText()).contains("HTTP 500");
        quiet.control(new CaseSystemSimulator.Control(0, 0, false, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        Http.Response replay = http().send("POST", "/api/v1/admin/deliveries/" + entry.path("id").asLong() + "/replay",
                "admin", null, null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        awaitCase(no, "DISPATCHED");
        assertThat(quiet.has(no)).isTrue();
        // replaying what is not dead is an error with its code
        Http.Response again = http().send("POST", "/api/v1/admin/deliveries/" + entry.path("id").asLong() + "/replay",
                "admin", null, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("DELIVERY_NOT_FOUND");
    }

    // ------------------------------------------------------------------------------------ status flow

    @Test
    void statusMessagesAreAppliedInSequenceWhateverOrderTheyArriveIn() throws Exception {
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        awaitCase(no, "DISPATCHED");
        Http.Response second = status(no, 2, "STEP", "2026-11-02T02:00:00Z", STEP);
        assertThat(second.json().path("outcome").asText()).isEqualTo("HELD");
        assertThat(second.json().path("status").asText()).isEqualTo("DISPATCHED");
        Http.Response third = status(no, 3, "COMPLETION", "2026-11-03T02:00:00Z", DONE);
        assertThat(third.json().path("outcome").asText()).isEqualTo("HELD");
        Http.Response first = status(no, 1, "ACCEPTANCE", "2026-11-02T01:00:00Z", ACCEPT);
        assertThat(first.json().path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(first.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(first.json().path("lastSequence").asInt()).isEqualTo(3);
        JsonNode c = http().get("/api/v1/cases/" + no, "admin").json();
        assertThat(c.path("steps").findValuesAsText("state")).containsExactly("APPLIED", "APPLIED", "APPLIED");
        assertThat(c.path("result").path("licenceNumber").asText()).isEqualTo("JY13713000001");
    }

    @Test
    void aDuplicateIsAcknowledgedAndAConflictingResendRefused() throws Exception {
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        awaitCase(no, "DISPATCHED");
        assertThat(status(no, 1, "ACCEPTANCE", "2026-11-02T01:00:00Z", ACCEPT).json().path("outcome").asText())
                .isEqualTo("APPLIED");
        Http.Response dup = status(no, 1, "ACCEPTANCE", "2026-11-02T01:00:00Z", ACCEPT);
        assertThat(dup.status()).isEqualTo(200);
        assertThat(dup.json().path("outcome").asText()).isEqualTo("DUPLICATE");
        Http.Response conflict = status(no, 1, "REFUSAL", "2026-11-02T01:00:00Z", "{\"reason\":\"x\"}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("CASE_STATUS_CONFLICT");
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_number = ?", Integer.class, no)).isEqualTo(1);
    }

    @Test
    void illegalTransitionsAreRecordedAndNotApplied() throws Exception {
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        awaitCase(no, "DISPATCHED");
        // completion before acceptance
        Http.Response r = status(no, 1, "COMPLETION", "2026-11-02T01:00:00Z", DONE);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("outcome").asText()).isEqualTo("ILLEGAL");
        assertThat(r.json().path("problem").asText()).contains("COMPLETION").contains("DISPATCHED");
        assertThat(r.json().path("status").asText()).isEqualTo("DISPATCHED");
        // the sequence moves on, so the system's next message is applied
        assertThat(status(no, 2, "ACCEPTANCE", "2026-11-02T02:00:00Z", ACCEPT).json().path("outcome").asText())
                .isEqualTo("APPLIED");
        JsonNode audit = http().get("/api/v1/audit?limit=50", "admin").json();
        assertThat(audit.toString()).contains("CASE_STATUS_ILLEGAL");
    }

    @Test
    void anIncompleteStatusMessageIsRefusedWithEveryProblem() throws Exception {
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        Http.Response r = status(no, 1, "STEP", "2026-11-02T01:00:00Z", "{\"name\":\"审查\",\"action\":\"同意\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("CASE_STATUS_INVALID");
        assertThat(r.json().path("errors").findValuesAsText("field")).contains("details.handler", "details.action");
    }

    @Test
    void onlyTheHandlingSystemReportsOnACase() throws Exception {
        String provinceCase = newCase("11371300MB285002573010000010000", "371302", "clerk-lanshan");
        Http.Response r = status(provinceCase, 9, "ACCEPTANCE", "2026-11-02T01:00:00Z", ACCEPT);
        assertThat(r.status()).isEqualTo(404);
        // and people cannot post status messages at all
        Http.Response clerk = http().send("POST", "/api/v1/cases/" + provinceCase + "/status", "clerk-lanshan",
                "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(clerk.status()).isEqualTo(403);
    }

    @Test
    void thePromisedDateCountsWorkingDaysAndStopsDuringASpecialProcedureOverNationalDay() throws Exception {
        String no = newCase(ITEM, "371302", "clerk-lanshan"); // 10 working days (the route's limit)
        awaitCase(no, "DISPATCHED");
        // accepted 2026-09-25 (Beijing time; 中秋 09-25..27 and 国庆 10-01..07 are off, Saturday 10-10 is worked)
        status(no, 1, "ACCEPTANCE", "2026-09-25T02:00:00Z", ACCEPT);
        JsonNode accepted = http().get("/api/v1/cases/" + no, "admin").json();
        String promisedAtAcceptance = accepted.path("promisedDate").asText();
        status(no, 2, "PAUSE", "2026-09-28T02:00:00Z", "{\"procedure\":\"专家评审\"}");
        assertThat(http().get("/api/v1/cases/" + no, "admin").json().path("timeLimitState").asText()).isEqualTo("PAUSED");
        status(no, 3, "RESUME", "2026-10-12T02:00:00Z", "{}");
        JsonNode resumed = http().get("/api/v1/cases/" + no, "admin").json();
        int pausedDays = resumed.path("pausedWorkingDays").asInt();
        // working days after 09-28 up to 10-12: 09-29, 09-30, 10-08, 10-09, 10-10 (adjusted), 10-12 = 6
        assertThat(pausedDays).isEqualTo(6);
        JsonNode cal = http().get("/api/v1/calendar/deadline?start=2026-09-25&workingDays=16").json();
        assertThat(resumed.path("promisedDate").asText()).isEqualTo(cal.path("due").asText());
        JsonNode cal10 = http().get("/api/v1/calendar/deadline?start=2026-09-25&workingDays=10").json();
        assertThat(promisedAtAcceptance).isEqualTo(cal10.path("due").asText());
    }

    // ------------------------------------------------------------------------------- views and files

    @Test
    void thePublicStatusCheckNeedsThePhoneAndShowsNoPersonalData() throws Exception {
        String no = newCase("11371300MB285002573010000010000", "371302", "clerk-lanshan");
        awaitCase(no, "COMPLETED");
        Http.Response ok = http().get("/api/v1/cases/" + no + "/public-status?phoneLast4=1234");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(ok.json().path("steps")).hasSize(3);
        assertThat(ok.body()).doesNotContain("李四").doesNotContain("3713021990").doesNotContain("13800001234");
        assertThat(Pattern.compile("\\d{17}[0-9X]").matcher(ok.body().replace(no, "")).find()).isFalse();
        Http.Response wrongPhone = http().get("/api/v1/cases/" + no + "/public-status?phoneLast4=9999");
        Http.Response noSuchCase = http().get("/api/v1/cases/X" + no + "/public-status?phoneLast4=1234");
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(noSuchCase.status()).isEqualTo(404);
        assertThat(wrongPhone.code()).isEqualTo(noSuchCase.code());
        assertThat(http().get("/api/v1/cases/" + no + "/public-status?phoneLast4=12a4").status()).isEqualTo(400);
    }

    @Test
    void withdrawalReachesTheHandlingSystem() throws Exception {
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        awaitCase(no, "DISPATCHED");
        Http.Response r = http().send("POST", "/api/v1/cases/" + no + "/withdrawal", "clerk-lanshan", "application/json",
                "{\"reason\":\"申请人撤回\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("WITHDRAWN");
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!quiet.withdrawals().contains(no)) {
            assertThat(System.nanoTime()).as("withdrawal delivered").isLessThan(until);
            Thread.sleep(100);
        }
        Http.Response twice = http().send("POST", "/api/v1/cases/" + no + "/withdrawal", "clerk-lanshan", "application/json",
                "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("CASE_STATE");
    }

    @Test
    void materialsAreCheckedByContentAndTheirNamesMadeSafe() {
        byte[] pdf = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);
        Http.Response ok = upload("clerk-lanshan", "../../etc/passwd.pdf", pdf);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().path("fileName").asText()).isEqualTo("passwd.pdf");
        assertThat(ok.json().path("mediaType").asText()).isEqualTo("application/pdf");
        String ref = ok.json().path("ref").asText();
        // an executable named .pdf
        Http.Response exe = upload("clerk-lanshan", "form.pdf", new byte[]{'M', 'Z', 0, 0, 1, 2, 3});
        assertThat(exe.status()).isEqualTo(415);
        assertThat(exe.code()).isEqualTo("MATERIAL_TYPE_NOT_ALLOWED");
        // too large: more than 10 MB
        Http.Response big = upload("clerk-lanshan", "big.pdf", new byte[11 * 1024 * 1024]);
        assertThat(big.status()).isEqualTo(413);
        // the material goes with the case; someone else's reference does not
        String json = "{\"implementationCode\":\"" + ITEM + "\",\"division\":\"371302\",\"applicant\":{\"name\":\"李四\","
                + "\"idType\":\"ID_CARD\",\"idNumber\":\"371302199001010011\",\"phone\":\"13800001234\"},\"materials\":[\"" + ref + "\"]}";
        Http.Response other = submit("clerk-feixian", "k-" + UUID.randomUUID(), json.replace("371302\",\"applicant", "371325\",\"applicant"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("MATERIAL_NOT_FOUND");
        Http.Response r = submit("clerk-lanshan", "k-" + UUID.randomUUID(), json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String no = r.json().path("caseNumber").asText();
        assertThat(r.json().path("materials").findValuesAsText("ref")).containsExactly(ref);
        Http.Response download = http().get("/api/v1/cases/" + no + "/materials/" + ref, "clerk-lanshan");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.body()).startsWith("%PDF-");
        assertThat(http().get("/api/v1/cases/" + no + "/materials/" + ref, "clerk-feixian").status()).isEqualTo(404);
    }

    @Test
    void uploadsNoCaseTookAreDeletedAfterTheirTimeAndOthersKept() {
        byte[] pdf = "%PDF-1.4\n%orphan\n".getBytes(StandardCharsets.US_ASCII);
        String stale = upload("clerk-lanshan", "id-card.pdf", pdf).json().path("ref").asText();
        String fresh = upload("clerk-lanshan", "id-card.pdf", pdf).json().path("ref").asText();
        String taken = upload("clerk-lanshan", "form.pdf", pdf).json().path("ref").asText();
        Http.Response r = submit("clerk-lanshan", "k-" + UUID.randomUUID(), "{\"implementationCode\":\"" + ITEM
                + "\",\"division\":\"371302\",\"applicant\":{\"name\":\"李四\",\"idType\":\"ID_CARD\",\"idNumber\":"
                + "\"371302199001010011\",\"phone\":\"13800001234\"},\"materials\":[\"" + taken + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        // uploaded two days ago: the stale one and the one the case took
        jdbc.update("update case_material set uploaded_at = now() - interval '2 days' where ref in (?::uuid, ?::uuid)",
                stale, taken);
        // what the hourly job runs (under a ShedLock lock, which a test cannot count on being free)
        int removed = caseService.removeUnattachedMaterials(Duration.ofHours(24));
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select ref::text from case_material where ref in (?::uuid, ?::uuid, ?::uuid)",
                String.class, stale, fresh, taken)).containsExactlyInAnyOrder(fresh, taken);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where event = 'MATERIALS_REMOVED'", Integer.class))
                .isPositive();
        // a reference to the deleted upload is now unknown
        Http.Response late = submit("clerk-lanshan", "k-" + UUID.randomUUID(), "{\"implementationCode\":\"" + ITEM
                + "\",\"division\":\"371302\",\"applicant\":{\"name\":\"李四\",\"idType\":\"ID_CARD\",\"idNumber\":"
                + "\"371302199001010011\",\"phone\":\"13800001234\"},\"materials\":[\"" + stale + "\"]}");
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("MATERIAL_NOT_FOUND");
    }

    /** A REST submission is logged as received: the hash is of the bytes sent, the body is that request masked. */
    @Test
    void aRestSubmissionIsLoggedAsReceived() throws Exception {
        String sent = "{\n  \"implementationCode\" : \"" + ITEM + "\",\n  \"division\" : \"371302\",\n  \"applicant\" : {"
                + " \"name\" : \"李四\", \"idType\" : \"ID_CARD\", \"idNumber\" : \"371302199001010011\","
                + " \"phone\" : \"13800001234\" }\n}\n";
        Http.Response r = submit("clerk-lanshan", "k-" + UUID.randomUUID(), sent);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        java.util.Map<String, Object> logged = jdbc.queryForMap("select body_hash, body from message_log where operation"
                + " = 'CASE_SUBMIT' and case_number = ?", r.json().path("caseNumber").asText());
        assertThat(logged.get("body_hash")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(sent.getBytes(StandardCharsets.UTF_8))));
        assertThat((String) logged.get("body")).contains(ITEM).doesNotContain("371302199001010011")
                .doesNotContain("13800001234").doesNotContain("李四");
    }

    @Autowired
    io.govhub.core.caseflow.CaseStore caseStore;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /**
     * The race the lock is for: a submission has locked an old upload and is attaching it, not committed yet, when
     * the clean-up of unattached uploads runs. The clean-up waits for the submission, then finds the upload attached
     * and keeps it. (Without the submission's lock the clean-up deletes the upload at once and the case loses it.)
     */
    @Test
    void anUploadBeingAttachedIsKeptByTheCleanUpRunningAtThatMoment() throws Exception {
        byte[] pdf = "%PDF-1.4\n%racing\n".getBytes(StandardCharsets.US_ASCII);
        String ref = upload("clerk-lanshan", "id-card.pdf", pdf).json().path("ref").asText();
        jdbc.update("update case_material set uploaded_at = now() - interval '2 days' where ref = ?::uuid", ref);
        Http.Response r = submit("clerk-lanshan", "k-" + UUID.randomUUID(), "{\"implementationCode\":\"" + ITEM
                + "\",\"division\":\"371302\",\"applicant\":{\"name\":\"李四\",\"idType\":\"ID_CARD\",\"idNumber\":"
                + "\"371302199001010011\",\"phone\":\"13800001234\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String caseNumber = r.json().path("caseNumber").asText();

        var locked = new java.util.concurrent.CountDownLatch(1);
        var cleanUpWaited = new java.util.concurrent.atomic.AtomicBoolean();
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // the submission's transaction, as CaseService runs it: lock the uploads, then attach them
            var submission = pool.submit(() -> tx.executeWithoutResult(status -> {
                assertThat(caseStore.materials(java.util.List.of(ref), "clerk-lanshan")).hasSize(1);
                locked.countDown();
                for (int i = 0; i < 200 && !cleanUpWaited.get(); i++) {
                    jdbc.queryForList("select pg_stat_clear_snapshot()"); // the views are a snapshot per transaction
                    cleanUpWaited.set(jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type"
                            + " = 'Lock' and query like 'delete from case_material%'", Integer.class) > 0);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                caseStore.attachMaterials(caseNumber, java.util.List.of(ref));
            }));
            locked.await();
            caseService.removeUnattachedMaterials(Duration.ofHours(24)); // waits for the submission's commit
            submission.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(cleanUpWaited).as("the clean-up waited for the submission").isTrue();
        assertThat(jdbc.queryForObject("select case_number from case_material where ref = ?::uuid", String.class, ref))
                .isEqualTo(caseNumber);
    }

    Http.Response upload(String user, String fileName, byte[] content) {
        String boundary = "b" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return http().send("POST", "/api/v1/cases/materials", user, "multipart/form-data; boundary=" + boundary, all);
    }

    @Test
    void theSupervisorsBoardCountsCasesPerDivisionAndSystem() {
        newCase(ITEM, "371302", "clerk-lanshan");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Http.Response r = http().get("/api/v1/cases/board?from=" + today + "&to=" + today, "supervisor");
        assertThat(r.status()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode n : r.json()) {
            if ("371302".equals(n.path("divisionCode").asText()) && PARTNER.equals(n.path("partnerId").asText())) {
                row = n;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("total").asLong()).isPositive();
        assertThat(http().get("/api/v1/cases/board?from=" + today + "&to=" + today, "clerk-lanshan").status()).isEqualTo(403);
    }

    // -------------------------------------------------------------------------------------- message log

    @Test
    void theMessageLogDetectsAChangedRecord() {
        newCase(ITEM, "371302", "clerk-lanshan");
        JsonNode before = http().get("/api/v1/admin/message-log/verify", "admin").json();
        assertThat(before.path("valid").asBoolean()).isTrue();
        assertThat(before.path("records").asLong()).isPositive();
        Long id = jdbc.queryForObject("select max(id) from message_log where operation = 'CASE_SUBMIT'", Long.class);
        String original = jdbc.queryForObject("select peer from message_log where id = ?", String.class, id);
        jdbc.update("update message_log set peer = 'someone-else' where id = ?", id);
        try {
            JsonNode after = http().get("/api/v1/admin/message-log/verify", "admin").json();
            assertThat(after.path("valid").asBoolean()).isFalse();
            assertThat(after.path("firstBadRecord").asLong()).isEqualTo(id);
        } finally {
            jdbc.update("update message_log set peer = ? where id = ?", original, id);
        }
        assertThat(http().get("/api/v1/admin/message-log/verify", "admin").json().path("valid").asBoolean()).isTrue();
        assertThat(http().get("/api/v1/admin/message-log/verify", "supervisor").status()).isEqualTo(403);
    }

    @Test
    void theMessageLogDetectsARemovedRecord() {
        newCase(ITEM, "371302", "clerk-lanshan");
        newCase(ITEM, "371302", "clerk-lanshan"); // at least two records since any archiving
        assertThat(http().get("/api/v1/admin/message-log/verify", "admin").json().path("valid").asBoolean()).isTrue();
        // a record in the middle of the chain (not the newest): its successor no longer links to what precedes it
        Long id = jdbc.queryForObject("select id from message_log where chain_seq = (select max(chain_seq) - 1 from"
                + " message_log)", Long.class);
        java.util.Map<String, Object> row = jdbc.queryForMap("select * from message_log where id = ?", id);
        Long next = jdbc.queryForObject("select id from message_log where chain_seq = ?", Long.class,
                ((Number) row.get("chain_seq")).longValue() + 1);
        jdbc.update("delete from message_log where id = ?", id);
        try {
            JsonNode after = http().get("/api/v1/admin/message-log/verify", "admin").json();
            assertThat(after.path("valid").asBoolean()).isFalse();
            assertThat(after.path("firstBadRecord").asLong()).isEqualTo(next);
        } finally {
            jdbc.update("insert into message_log (id, at, peer, direction, operation, correlation_id, case_number,"
                            + " body_hash, body, chain_seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("id"), row.get("at"), row.get("peer"), row.get("direction"), row.get("operation"),
                    row.get("correlation_id"), row.get("case_number"), row.get("body_hash"), row.get("body"),
                    row.get("chain_seq"), row.get("prev_hash"), row.get("hash"));
        }
        assertThat(http().get("/api/v1/admin/message-log/verify", "admin").json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void oldRecordsAreArchivedNotDeletedAndTheChainStaysWhole() {
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        JsonNode before = http().get("/api/v1/admin/message-log/verify", "admin").json();
        int moved = messageLog.archive(java.time.Instant.now().plusSeconds(1)); // everything sealed counts as old here
        assertThat(moved).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from message_log_archive", Long.class)).isGreaterThanOrEqualTo(moved);
        JsonNode after = http().get("/api/v1/admin/message-log/verify", "admin").json();
        assertThat(after.path("valid").asBoolean()).isTrue();
        assertThat(after.path("records").asLong()).isGreaterThanOrEqualTo(before.path("records").asLong());
        // the records of a case are still found, from the archive
        assertThat(http().get("/api/v1/admin/message-log?caseNumber=" + no, "admin").json().findValuesAsText("operation"))
                .contains("CASE_SUBMIT");
    }

    @Test
    void guessingThePhoneOfACaseIsStoppedAfterTenTries() {
        String no = newCase(ITEM, "371302", "clerk-lanshan");
        for (int i = 0; i < 10; i++) {
            assertThat(http().get("/api/v1/cases/" + no + "/public-status?phoneLast4=" + String.format("%04d", 9000 + i))
                    .status()).isEqualTo(404);
        }
        Http.Response limited = http().get("/api/v1/cases/" + no + "/public-status?phoneLast4=1234");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 600);
        // another case is not affected
        String other = newCase(ITEM, "371302", "clerk-lanshan");
        assertThat(http().get("/api/v1/cases/" + other + "/public-status?phoneLast4=1234").status()).isEqualTo(200);
    }
}
