package io.govhub.gateway.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.gateway.embedded.SharedServices;
import io.govhub.simulators.CaseSystemSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long scale-out harness, on demand ({@code bench/cluster.sh}; not in CI, whose short scenarios are TwoNodesIT).
 * On this machine's loopback: one PostgreSQL, one Redis, one Artemis broker (separate processes), up to three govhub
 * nodes (separate JVMs), a case-system SIMULATOR as the handling partner, and a load generator that spreads requests
 * over the running nodes in turn and sends a request again, with the same idempotency key, to the next node when a node
 * does not answer or answers 5xx (what a load balancer with retries does).
 * <ol>
 *   <li>throughput with 1, 2 and 3 nodes: cases (closed loop, 16 clients) and credit decisions (batches of 100);</li>
 *   <li>the six fault scenarios of the issue at a steady rate, with p99 before, during and after each fault and the
 *   time to recover, and a reconciliation per scenario (submitted / stored / delivered / duplicates / lost);</li>
 *   <li>a soak at a steady rate: heap and RSS of each node and p99, minute by minute.</li>
 * </ol>
 * Settings (system properties): {@code bench.seconds} (30) per throughput run, {@code bench.rate} (40 cases/s),
 * {@code bench.fault-seconds} (60), {@code bench.partner-outage-seconds} (120), {@code bench.soak-minutes} (30),
 * {@code bench.only} (throughput, scenarios or soak; default all), {@code bench.scenarios} (which, e.g. "25"; default
 * all), {@code bench.broker-pair} (false: one broker without persistence; true: a primary and a backup broker on a
 * shared journal, and scenario 2b, the primary killed). Results are printed and written to
 * {@code target/cluster-bench.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterBench {

    private static final Path DIR = Path.of("target/it-data/cluster-bench-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static final Path REPORT = Path.of("target/cluster-bench.txt").toAbsolutePath();
    private static final String ITEM = "11371302MB286010004010020010000";
    private static final String CASE = "{\"implementationCode\":\"" + ITEM + "\",\"division\":\"371302\",\"applicant\":{"
            + "\"name\":\"李四\",\"idType\":\"ID_CARD\",\"idNumber\":\"371302199001010011\",\"phone\":\"13800001234\"}}";
    private static SharedServices services;
    private static CaseSystemSimulator partner;
    private static final List<ClusterNode> nodes = new ArrayList<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(8)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    private static int seconds() {
        return Integer.getInteger("bench.seconds", 30);
    }

    private static boolean enabled(String part) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || only.contains(part);
    }

    static void report(String line) {
        System.out.println(line);
        try {
            Files.writeString(REPORT, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DIR);
        services = SharedServices.start(DIR, Boolean.getBoolean("bench.broker-pair"));
        partner = new CaseSystemSimulator("sim-cluster-partner", new CaseSystemSimulator.Control(0, 0, false,
                CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false));
        for (String name : List.of("node-a", "node-b", "node-c")) {
            nodes.add(new ClusterNode(name, DIR, services, partner.baseUrl(), List.of(
                    "--govhub.rate-limit.public-per-ip=100000000"), false));
        }
        nodes.get(0).start(); // the first runs the migrations
        report("# cluster bench " + java.time.OffsetDateTime.now() + ": " + Runtime.getRuntime().availableProcessors()
                + " cores, java " + System.getProperty("java.version"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ClusterNode n : nodes) {
            if (n.running()) {
                n.stop();
            }
        }
        if (partner != null) {
            partner.close();
        }
        if (services != null) {
            services.close();
        }
    }

    private static List<ClusterNode> running() {
        return nodes.stream().filter(ClusterNode::running).toList();
    }

    // ------------------------------------------------------------------------------------------------ requests

    private static ClusterClient client() {
        return new ClusterClient(CLIENT, ClusterBench::running, Duration.ofSeconds(20));
    }

    static String decisions(long from, int count) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append("{\"CF_XDR_MC\":\"临沂某某食品有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\","
                    + "\"CF_XDR_SHXYM\":\"91350100M000100Y43\",\"CF_FRDB\":\"赵六\",\"CF_WSH\":\"临市监罚〔2026〕集群")
                    .append(from + i).append("号\",\"CF_WFXW\":\"无证经营\",\"CF_SY\":\"经查，当事人无证经营\","
                    + "\"CF_YJ\":\"《食品安全法》第一百二十二条\",\"CF_CFLB\":\"罚款\",\"CF_NR\":\"罚款\",\"CF_NR_FK\":\"0.5\","
                    + "\"CF_JDRQ\":\"2026-11-20\",\"CF_CFJG\":\"临沂市市场监督管理局\",\"CF_CFJGDM\":\"11371300MB28500332\","
                    + "\"CF_SJLY\":\"临沂市市场监督管理局\",\"CF_SJLYDM\":\"11371300MB28500332\"}");
        }
        return b.append("]").toString();
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    static long[] sorted(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static java.sql.Connection db() throws Exception {
        return DriverManager.getConnection(services.postgres().jdbcUrl(), services.postgres().username(),
                services.postgres().password());
    }

    private static long count(String sql) throws Exception {
        try (var c = db(); var st = c.prepareStatement(sql); var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ 1. throughput

    @Test
    @Order(1)
    void throughput_with_one_two_and_three_nodes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(enabled("throughput"));
        report("## throughput (closed loop; the nodes, PostgreSQL, Redis, the broker and the load share "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        for (int n = 1; n <= 3; n++) {
            while (running().size() < n) {
                nodes.get(running().size()).start();
            }
            // warm-up of the new node's JIT, not measured
            casesClosedLoop(n, 16, Duration.ofSeconds(Math.max(10, seconds() / 2)), false);
            casesClosedLoop(n, 16, Duration.ofSeconds(seconds()), true);
            creditClosedLoop(n, 4, Duration.ofSeconds(seconds()));
        }
    }

    private void casesClosedLoop(int n, int clients, Duration d, boolean measured) throws Exception {
        long end = System.nanoTime() + d.toNanos();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ClusterClient cluster = client();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    long s = System.nanoTime();
                    try {
                        if (cluster.post("/api/v1/cases", "clerk-lanshan", "tp-" + SEQ.incrementAndGet(), CASE,
                                client + i, "caseNumber") == null) {
                            failed.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies.add(System.nanoTime() - s);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(d.toSeconds() + 60, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] l = sorted(new ArrayList<>(latencies));
        if (!measured) {
            return;
        }
        report(String.format("cases   nodes=%d clients=%d  %.0f cases/s (%d in %.0f s)  p50=%.1f p99=%.1f ms  failed=%d",
                n, clients, l.length / secs, l.length, secs, percentile(l, 0.5), percentile(l, 0.99), failed.get()));
    }

    private void creditClosedLoop(int n, int clients, Duration d) throws Exception {
        long before = count("select count(*) from credit_record");
        long end = System.nanoTime() + d.toNanos();
        AtomicLong records = new AtomicLong();
        ClusterClient cluster = client();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    long from = SEQ.getAndAdd(100);
                    try {
                        if (cluster.post("/api/v1/credit/penalties", "credit-officer", null, decisions(from, 100),
                                client + i, "submissionId") != null) {
                            records.addAndGet(100);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(d.toSeconds() + 60, TimeUnit.SECONDS);
        double received = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline && count("select count(*) from credit_record") - before < records.get()) {
            Thread.sleep(200);
        }
        double processed = (System.nanoTime() - t0) / 1e9;
        long stored = count("select count(*) from credit_record") - before;
        report(String.format("credit  nodes=%d clients=%d  received %.0f records/s; stored %d of %d, all processed after %.0f s:"
                + " %.0f records/s end to end", n, clients, records.get() / received, stored, records.get(), processed,
                stored / processed));
    }

    // ------------------------------------------------------------------------------------------------ 2. scenarios

    /**
     * An open-loop load at a fixed rate over the running nodes: cases, and every fifth request a credit decision; one
     * case in four is withdrawn as soon as it has its receipt (two messages about one case, to arrive in order).
     */
    static final class Load implements AutoCloseable {
        final Map<String, String> receipts = new ConcurrentHashMap<>();
        final Map<String, String> decisionReceipts = new ConcurrentHashMap<>();
        final java.util.Set<String> withdrawn = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>(); // {due, latency}
        final ClusterClient cluster = client();
        final AtomicInteger unanswered = new AtomicInteger();
        private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService workers = Executors.newFixedThreadPool(96);
        private final AtomicLong n = new AtomicLong();
        private final String tag;

        Load(String tag, int perSecond) {
            this.tag = tag;
            ticks.scheduleAtFixedRate(() -> {
                long due = System.nanoTime();
                long i = n.incrementAndGet();
                workers.execute(() -> one(i, due));
            }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        }

        private void one(long i, long due) {
            try {
                if (i % 5 == 0) {
                    long from = SEQ.incrementAndGet();
                    String s = cluster.post("/api/v1/credit/penalties", "credit-officer", null, decisions(from, 1),
                            (int) i, "submissionId");
                    if (s == null) {
                        unanswered.incrementAndGet();
                    } else {
                        decisionReceipts.put("临市监罚〔2026〕集群" + from + "号", s);
                    }
                } else {
                    String key = tag + "-" + i;
                    String c = cluster.post("/api/v1/cases", "clerk-lanshan", key, CASE, (int) i, "caseNumber");
                    if (c == null) {
                        unanswered.incrementAndGet();
                    } else {
                        receipts.put(key, c);
                        if (i % 5 == 2) {
                            if (cluster.withdraw(c, (int) i + 1)) {
                                withdrawn.add(c);
                            } else {
                                unanswered.incrementAndGet();
                            }
                        }
                    }
                }
                samples.add(new long[]{due, System.nanoTime() - due});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** p99 in ms of the requests due in [from, to). */
        double p99(long from, long to) {
            return percentile(sorted(samples.stream().filter(s -> s[0] >= from && s[0] < to).map(s -> s[1]).toList()), 0.99);
        }

        @Override
        public void close() throws InterruptedException {
            ticks.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void scenario(String name, Step fault, long faultSeconds, Step repair) throws Exception {
        String which = System.getProperty("bench.scenarios", "");
        if (!which.isBlank() && !which.contains(name.substring(0, 1))) {
            return;
        }
        int rate = Integer.getInteger("bench.rate", 40);
        long t0;
        long faultStart;
        long faultEnd;
        long end;
        Load load = new Load("sc-" + name.replaceAll("[^a-z0-9]", "") + "-" + SEQ.incrementAndGet(), rate);
        try (load) {
            t0 = System.nanoTime();
            Thread.sleep(20_000);
            faultStart = System.nanoTime();
            fault.run();
            Thread.sleep(faultSeconds * 1000);
            repair.run();
            faultEnd = System.nanoTime();
            Thread.sleep(40_000);
            end = System.nanoTime();
        }
        // time to recover: from the repair to the first second after which every second's p99 stays within twice
        // the p99 before the fault (at least +20 ms), judged over 5 s at least: "not within 35 s" otherwise
        double before = load.p99(t0 + 5_000_000_000L, faultStart);
        double during = load.p99(faultStart, faultEnd);
        double after = load.p99(faultEnd + 20_000_000_000L, end);
        long recovered = -1;
        for (long s = faultEnd; s < end - 5_000_000_000L; s += 1_000_000_000L) { // at least 5 s seen steady
            boolean ok = true;
            for (long u = s; u < end - 1_000_000_000L; u += 1_000_000_000L) {
                double p = load.p99(u, u + 1_000_000_000L);
                if (!Double.isNaN(p) && p > Math.max(2 * before, before + 20)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                recovered = (s - faultEnd) / 1_000_000;
                break;
            }
        }
        // reconcile
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && !(load.receipts.values().stream().allMatch(partner::has)
                && partner.withdrawals().containsAll(load.withdrawn))) {
            Thread.sleep(250);
        }
        long delivered = load.receipts.values().stream().filter(partner::has).count();
        java.util.Set<String> withdrawalsDelivered = new java.util.HashSet<>(partner.withdrawals());
        withdrawalsDelivered.retainAll(load.withdrawn);
        java.util.Set<String> outOfOrder = new java.util.HashSet<>(partner.withdrawalsBeforeCase());
        outOfOrder.retainAll(load.withdrawn);
        long stored;
        long keys;
        String prefix = load.tag + "-";
        try (var c = db(); var st = c.prepareStatement("select count(*) from case_idempotency where idem_key like ?")) {
            st.setString(1, prefix + "%");
            var rs = st.executeQuery();
            rs.next();
            keys = rs.getLong(1);
        }
        try (var c = db(); var st = c.prepareStatement("select count(*) from hub_case where case_number = any (?)")) {
            st.setArray(1, c.createArrayOf("text", load.receipts.values().stream().distinct().toArray()));
            var rs = st.executeQuery();
            rs.next();
            stored = rs.getLong(1);
        }
        // two cases for one submission: two receipts with one number, or a key of this load bound to a case that is
        // not its receipt's. (A request no node answered in time may still have made its case: a key without a
        // receipt; the client would send it again with the same key and get that case. Counted, not a duplicate.)
        long duplicates = load.receipts.size() - load.receipts.values().stream().distinct().count();
        try (var c = db(); var st = c.prepareStatement("select idem_key, case_number from case_idempotency where idem_key like ?")) {
            st.setString(1, prefix + "%");
            var rs = st.executeQuery();
            while (rs.next()) {
                String receipt = load.receipts.get(rs.getString(1));
                if (receipt != null && !receipt.equals(rs.getString(2))) {
                    duplicates++;
                }
            }
        }
        long keysWithoutReceipt = keys - load.receipts.size();
        long lost = load.receipts.size() - delivered;
        long waiting = -1;
        long deadlineCredit = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadlineCredit && waiting != 0) {
            waiting = count("select count(*) from credit_submission_record r join credit_submission s on s.id = r.submission_id"
                    + " where s.submitted_by = 'credit-officer' and r.status = 'RECEIVED'");
            Thread.sleep(500);
        }
        long storedDecisions = 0;
        try (var c = db(); var st = c.prepareStatement("select count(distinct document_number) from credit_record"
                + " where document_number = any (?)")) {
            st.setArray(1, c.createArrayOf("text", load.decisionReceipts.keySet().toArray()));
            var rs = st.executeQuery();
            rs.next();
            storedDecisions = rs.getLong(1);
        }
        report(String.format("%-34s cases submitted %d / stored %d / delivered %d / duplicates %d / lost %d;"
                        + " withdrawn %d / withdrawal delivered %d / before its case %d;"
                        + " decisions %d / stored %d / waiting %d; unanswered %d (cases stored without a receipt %d),"
                        + " failed over %d, 5xx sent again %d; p99 before %.1f / during %.1f / after %.1f ms; recovered %s",
                name, load.receipts.size(), stored, delivered, duplicates, lost, load.withdrawn.size(),
                withdrawalsDelivered.size(), outOfOrder.size(), load.decisionReceipts.size(), storedDecisions, waiting,
                load.unanswered.get(), keysWithoutReceipt, load.cluster.failovers.get(), load.cluster.serverErrors.get(),
                before, during, after, recovered < 0 ? "not within 35 s" : recovered + " ms after the repair"));
        assertThat(lost).as(name + ": lost").isZero();
        assertThat(duplicates).as(name + ": duplicates").isZero();
        assertThat(withdrawalsDelivered).as(name + ": withdrawals delivered").hasSameSizeAs(load.withdrawn);
        assertThat(outOfOrder).as(name + ": withdrawals that arrived before their case").isEmpty();
        assertThat(storedDecisions).as(name + ": decisions stored").isEqualTo(load.decisionReceipts.size());
        assertThat(load.unanswered).as(name + ": requests no node answered within 20 s").hasValue(0);
    }

    @Test
    @Order(2)
    void the_six_fault_scenarios() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(enabled("scenarios"));
        while (running().size() < 3) {
            nodes.get(running().size()).start();
        }
        try (Load warmUp = new Load("warm-up-" + SEQ.incrementAndGet(), Integer.getInteger("bench.rate", 40))) {
            Thread.sleep(60_000); // the nodes' JIT, not measured: otherwise the first scenario's "before" is the warm-up
        }
        long f = Integer.getInteger("bench.fault-seconds", 60);
        report("## fault scenarios (3 nodes, " + Integer.getInteger("bench.rate", 40) + " requests/s: 4 cases to 1 credit decision;"
                + " fault " + f + " s)");
        ClusterNode a = nodes.get(0);
        scenario("1. kill -9 of a node, restart", a::kill, 5, a::start);
        scenario("2. broker stopped " + f + " s", services::stopBroker, f, services::startBroker);
        if (Boolean.getBoolean("bench.broker-pair")) {
            scenario("2b. broker primary killed, backup live " + f + " s, primary back", services::killBrokerPrimary, f,
                    services::restartBrokerPrimary);
        }
        scenario("3. Redis stopped " + f + " s", services::stopRedis, f, services::startRedis);
        scenario("4. PostgreSQL restarted", services::restartPostgres, 1, () -> { });
        long outage = Integer.getInteger("bench.partner-outage-seconds", 120);
        scenario("5. partner down " + outage + " s",
                () -> partner.control(new CaseSystemSimulator.Control(0, 0, true, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false)),
                outage,
                () -> partner.control(new CaseSystemSimulator.Control(0, 0, false, CaseSystemSimulator.Script.RECEIVE_ONLY, 0, false)));
        ClusterNode b = nodes.get(1);
        scenario("6. SIGTERM of a node, restart", b::stop, 5, b::start);
    }

    // ------------------------------------------------------------------------------------------------ 3. soak

    @Test
    @Order(3)
    void soak() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(enabled("soak"));
        while (running().size() < 3) {
            nodes.get(running().size()).start();
        }
        int minutes = Integer.getInteger("bench.soak-minutes", 30);
        int rate = Integer.getInteger("bench.rate", 40);
        report("## soak (3 nodes, " + rate + " requests/s, " + minutes + " min): per minute p99 and, per node, the old"
                + " generation in use / the whole heap in use / RSS (MiB)");
        Load load = new Load("soak-" + SEQ.incrementAndGet(), rate);
        try (load) {
            long t0 = System.nanoTime();
            for (int m = 1; m <= minutes; m++) {
                Thread.sleep(60_000);
                long now = System.nanoTime();
                StringBuilder line = new StringBuilder(String.format("minute %2d  requests %5d  p99 %6.1f ms ", m,
                        load.samples.stream().filter(s -> s[0] >= now - 60_000_000_000L && s[0] < now).count(),
                        load.p99(now - 60_000_000_000L, now)));
                for (ClusterNode n : nodes) {
                    line.append(" | ").append(n.name).append(' ').append(heap(n)).append(" / ").append(rss(n));
                }
                report(line.toString());
            }
            report(String.format("soak: %d requests in %.0f s, unanswered %d", load.samples.size(),
                    (System.nanoTime() - t0) / 1e9, load.unanswered.get()));
        }
        assertThat(load.unanswered).hasValue(0);
    }

    /** The old generation in use (what a leak would grow) and the whole heap in use now (the node's metrics), MiB. */
    private static String heap(ClusterNode n) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port
                            + "/actuator/prometheus")).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:demo123".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            double used = 0;
            double live = Double.NaN;
            for (String l : r.body().split("\n")) {
                if (l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\"")) {
                    used += Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
                }
                if (l.startsWith("jvm_memory_used_bytes{") && l.contains("id=\"G1 Old Gen\"")) {
                    live = Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
                }
            }
            return String.format("%.0f / %.0f", live / 1024 / 1024, used / 1024 / 1024);
        } catch (Exception e) {
            return "?";
        }
    }

    private static String rss(ClusterNode n) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + n.process.pid() + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return String.valueOf(Long.parseLong(l.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (Exception e) {
            // gone
        }
        return "?";
    }
}
