package io.govhub.gateway.cluster;

import io.govhub.gateway.embedded.SharedServices;
import io.govhub.simulators.CaseSystemSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out, the short scenarios that run in CI: two govhub nodes (separate JVMs) on one shared PostgreSQL, Redis and
 * Artemis primary/backup broker pair (separate processes), a case-system SIMULATOR as the handling partner, and a
 * client that submits cases to the nodes in turn (and, when a node does not answer, sends the same request with the
 * same idempotency key to the other, as a load balancer would).
 * <ol>
 *   <li>node A is killed with {@code kill -9} under load; the client carries on through node B;</li>
 *   <li>meanwhile the partner is down (503) for a while: cases wait in the outbox;</li>
 *   <li>node A is started again, the partner comes back, the load goes on through both nodes;</li>
 *   <li>Redis is stopped for a few seconds under load, then started again (cases do not need it);</li>
 *   <li>the broker's primary is killed ({@code kill -9}): the backup takes over with the journal they share; the
 *   primary is started again and takes over from the backup (fail-back);</li>
 *   <li>the broker (both of the pair) is stopped for a few seconds under load, then started again: credit
 *   submissions are received meanwhile, and the recovery job queues what could not be sent;</li>
 *   <li>PostgreSQL is restarted under load: requests fail with 503 meanwhile and are sent again (same key);</li>
 *   <li>node B is stopped gracefully (SIGTERM) under load: its requests in flight complete, new ones go to A.</li>
 * </ol>
 * The load is cases and, every fifth request, a credit penalty decision; one case in four is withdrawn as soon as it
 * has its receipt. Then it reconciles: every receipt is one case in the database, and every case reached the
 * partner; every withdrawal reached it too, and never before its case (in order per case); every credit decision
 * with a receipt is stored once and every submission fully processed. It prints
 * submitted / stored / delivered / duplicates / lost and passes only with lost = 0 and duplicates = 0 (duplicate
 * cases: two cases for one submission). A case delivered twice (a node died between sending it and recording
 * that) is absorbed by the partner's idempotent receiver; it is counted and printed as "redelivered".
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final Path DIR = Path.of("target/it-data/cluster-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static final String ITEM = "11371302MB286010004010020010000";
    private static SharedServices services;
    private static CaseSystemSimulator partner;
    private static final ClusterNode[] nodes = new ClusterNode[2];
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Both nodes in turn (a stopped one does not answer: the next), 20 s per request, longer than a restart of PostgreSQL. */
    private final ClusterClient cluster = new ClusterClient(client, () -> List.of(nodes), Duration.ofSeconds(20));

    @BeforeAll
    static void startServicesPartnerAndNodes() throws Exception {
        services = SharedServices.start(DIR, true);
        partner = new CaseSystemSimulator("sim-cluster-partner", new CaseSystemSimulator.Control(0, 0, false,
                CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        nodes[0] = new ClusterNode("node-a", DIR, services, partner.baseUrl(), List.of(), true);
        nodes[1] = new ClusterNode("node-b", DIR, services, partner.baseUrl(), List.of(), true);
        nodes[0].start(); // the first runs the migrations
        nodes[1].start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (ClusterNode n : nodes) {
            if (n != null && n.process != null) {
                n.process.destroy();
                n.process.waitFor();
            }
        }
        if (partner != null) {
            partner.close();
        }
        if (services != null) {
            services.close();
        }
    }

    /** Submits one case with its key to the preferred node, then the other; returns the case number, or null. */
    private String submit(String key, int preferred) throws InterruptedException {
        String body = "{\"implementationCode\":\"" + ITEM + "\",\"division\":\"371302\",\"applicant\":{\"name\":\"李四\","
                + "\"idType\":\"ID_CARD\",\"idNumber\":\"371302199001010011\",\"phone\":\"13800001234\"}}";
        return cluster.post("/api/v1/cases", "clerk-lanshan", key, body, preferred, "caseNumber");
    }

    /** Submits one penalty decision to the preferred node, then the other; returns the submission id, or null. */
    private String submitDecision(String documentNumber, int preferred) throws InterruptedException {
        String body = "{\"CF_XDR_MC\":\"临沂某某食品有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\",\"CF_XDR_SHXYM\":"
                + "\"91350100M000100Y43\",\"CF_FRDB\":\"赵六\",\"CF_WSH\":\"" + documentNumber + "\",\"CF_WFXW\":\"无证经营\","
                + "\"CF_SY\":\"经查，当事人无证经营\",\"CF_YJ\":\"《食品安全法》第一百二十二条\",\"CF_CFLB\":\"罚款\",\"CF_NR\":\"罚款\","
                + "\"CF_NR_FK\":\"0.5\",\"CF_JDRQ\":\"2026-11-20\",\"CF_CFJG\":\"临沂市市场监督管理局\",\"CF_CFJGDM\":"
                + "\"11371300MB28500332\",\"CF_SJLY\":\"临沂市市场监督管理局\",\"CF_SJLYDM\":\"11371300MB28500332\"}";
        return cluster.post("/api/v1/credit/penalties", "credit-officer", null, body, preferred, "submissionId");
    }

    @Test
    @org.junit.jupiter.api.Order(2) // leaves node B stopped
    void a_node_killed_under_load_and_a_partner_outage_lose_and_duplicate_nothing() throws Exception {
        Map<String, String> receipts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        Map<String, String> decisions = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        java.util.Set<String> withdrawn = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread client = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    if (i % 5 == 4) {
                        String doc = "临市监罚〔2026〕群" + i + "号";
                        String submission = submitDecision(doc, i % 2);
                        if (submission == null) {
                            throw new AssertionError("no node gave a receipt for " + doc);
                        }
                        decisions.put(doc, submission);
                        continue;
                    }
                    String key = "cluster-" + i;
                    String caseNumber = submit(key, i % 2);
                    if (caseNumber == null) {
                        throw new AssertionError("no node gave a receipt for " + key);
                    }
                    receipts.put(key, caseNumber);
                    if (i % 5 == 2) { // withdrawn at once: two messages about one case, which must arrive in order
                        if (!cluster.withdraw(caseNumber, i % 2)) {
                            throw new AssertionError("no node answered the withdrawal of " + caseNumber);
                        }
                        withdrawn.add(caseNumber);
                    }
                    Thread.sleep(40);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "cluster-load");
        client.start();
        Thread.sleep(1500);
        nodes[0].kill(); // under load: requests to it fail over to node B
        partner.control(new CaseSystemSimulator.Control(0, 0, true, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        Thread.sleep(2000);
        nodes[0].start(); // the load goes on through node B meanwhile; the partner is still down
        partner.control(new CaseSystemSimulator.Control(0, 0, false, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        Thread.sleep(2000);
        services.stopRedis();
        Thread.sleep(3000);
        services.startRedis();
        Thread.sleep(1000);
        services.killBrokerPrimary(); // the backup takes over with the journal (fails if it does not)
        Thread.sleep(4000);
        services.restartBrokerPrimary(); // and hands back to the primary
        Thread.sleep(1000);
        services.stopBroker(); // both: no broker at all
        Thread.sleep(3000);
        services.startBroker();
        Thread.sleep(1000);
        services.restartPostgres();
        Thread.sleep(2000);
        nodes[1].stop(); // SIGTERM: graceful shutdown
        Thread.sleep(1500);
        stop.set(true);
        client.join();
        assertThat(failure.get()).isNull();

        // reconcile
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until && !(receipts.values().stream().allMatch(partner::has)
                && partner.withdrawals().containsAll(withdrawn))) {
            Thread.sleep(250);
        }
        int stored;
        int keys;
        try (var c = DriverManager.getConnection(services.postgres().jdbcUrl(), services.postgres().username(),
                services.postgres().password());
             var st = c.prepareStatement("select (select count(*) from hub_case),"
                     + " (select count(*) from case_idempotency where idem_key like 'cluster-%')")) {
            var rs = st.executeQuery();
            rs.next();
            stored = rs.getInt(1); // the database is this test's own: every case in it was submitted here
            keys = rs.getInt(2);
        }
        long delivered = receipts.values().stream().filter(partner::has).count();
        long lost = receipts.size() - delivered;
        // two cases for one submission: two receipts with one number, or more cases (or keys) than submissions
        int duplicates = (int) (receipts.size() - receipts.values().stream().distinct().count())
                + Math.max(0, stored - receipts.size()) + Math.max(0, keys - receipts.size());
        System.out.printf("cluster scenario: submitted %d / stored %d / delivered %d / duplicates %d / lost %d"
                + " / redelivered %d / requests failed over %d / answered 5xx and sent again %d%n", receipts.size(), stored,
                delivered, duplicates, lost, partner.duplicates(), cluster.failovers.get(), cluster.serverErrors.get());
        assertThat(stored).isEqualTo(receipts.size());
        assertThat(duplicates).isZero();
        assertThat(lost).isZero();
        // in order per case: each withdrawal reached the partner, never before its case
        java.util.Set<String> withdrawalsDelivered = new java.util.HashSet<>(partner.withdrawals());
        withdrawalsDelivered.retainAll(withdrawn);
        System.out.printf("cluster scenario, withdrawals: %d withdrawn / %d delivered / %d before their case%n",
                withdrawn.size(), withdrawalsDelivered.size(), partner.withdrawalsBeforeCase().size());
        assertThat(withdrawn).isNotEmpty();
        assertThat(withdrawalsDelivered).hasSameSizeAs(withdrawn);
        assertThat(partner.withdrawalsBeforeCase()).isEmpty();

        // credit decisions: every submission processed (the ones the broker lost are queued again by the recovery
        // job), every decision with a receipt stored once
        int waiting = -1;
        int storedDecisions = 0;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (var c = DriverManager.getConnection(services.postgres().jdbcUrl(), services.postgres().username(),
                services.postgres().password())) {
            while (System.nanoTime() < end && waiting != 0) {
                try (var st = c.prepareStatement("select count(*) from credit_submission_record r join credit_submission s"
                        + " on s.id = r.submission_id where s.submitted_by = 'credit-officer' and r.status = 'RECEIVED'");
                     var rs = st.executeQuery()) {
                    rs.next();
                    waiting = rs.getInt(1);
                }
                Thread.sleep(500);
            }
            try (var st = c.prepareStatement("select count(*) from credit_record where document_number like '临市监罚〔2026〕群%'");
                 var rs = st.executeQuery()) {
                rs.next();
                storedDecisions = rs.getInt(1);
            }
        }
        System.out.printf("cluster scenario, credit: decisions %d / stored %d / still waiting %d%n", decisions.size(),
                storedDecisions, waiting);
        assertThat(waiting).isZero();
        assertThat(storedDecisions).isEqualTo(decisions.size());
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void a_session_started_on_one_node_is_valid_on_the_other() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String b = "http://127.0.0.1:" + nodes[1].port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(b + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(b + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=clerk-lanshan&password=demo123&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String session = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow().getValue();
        // the same session cookie, sent to node A: signed in there too (the session is in Redis, not in node B)
        HttpResponse<String> hall = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + nodes[0].port + "/hall")).header("Cookie", "SESSION=" + session).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(hall.statusCode()).isEqualTo(200);
        assertThat(hall.body()).contains("371302");
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void the_public_rate_limit_is_one_budget_for_all_nodes() throws Exception {
        // requests from one address spread over both nodes: the 301st of a window is refused (default 300 per minute),
        // not the 601st as it would be with a budget per node. A window that ends during the run: again, from another address.
        for (String from : List.of("127.0.0.7", "127.0.0.8")) {
            long window = System.currentTimeMillis() / 60_000;
            int n = 0;
            int status = 200;
            while (status == 200 && n < 700) {
                status = io.govhub.gateway.support.FromAddress.status(io.govhub.gateway.support.FromAddress.get(from,
                        nodes[n % 2].port, "/api/v1/divisions/371302", null));
                n++;
            }
            if (System.currentTimeMillis() / 60_000 != window) {
                continue;
            }
            assertThat(status).isEqualTo(429);
            assertThat(n).as("requests until the first 429, over two nodes").isEqualTo(301);
            return;
        }
        throw new AssertionError("two windows ended during the runs");
    }
}
