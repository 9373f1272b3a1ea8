package io.govhub.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SIMULATOR of a case handling system (a provincial platform, a county system) that talks REST: it is not a real
 * partner, it stands in for one in tests and in the demo.
 * <p>
 * It receives cases ({@code POST /cases}, idempotent by case number) and withdrawals
 * ({@code POST /cases/{no}/withdrawal}); then, by its {@link Script}, it reports acceptance, a step and completion back
 * to the hub, either by pushing them ({@code POST {hub}/api/v1/cases/{no}/status}) or by keeping them for the hub to
 * poll ({@code GET /cases/{no}/messages?after=n}). Latency, an error rate and an outage (503 to everything) are set
 * through {@link #control} or {@code POST /sim/control}; {@code GET /sim/state} shows what it received.
 */
public class CaseSystemSimulator implements AutoCloseable {

    /** What the simulated system does with a case it receives. */
    public enum Script {
        /** Only receive it. */
        RECEIVE_ONLY,
        /** Accept it. */
        ACCEPT,
        /** Accept, one step (审查 通过), complete with a licence number. */
        COMPLETE,
        /** Refuse it at acceptance (不予受理). */
        REFUSE
    }

    /** The knobs of the simulation. */
    public record Control(long latencyMs, double errorRate, boolean outage, Script script, long stepDelayMs,
                          boolean push) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaseSystemSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final HttpServer server;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * The case numbers received (for duplicates and {@link #has}); only the numbers: keeping every body made the
     * simulator hold a few KiB per case for as long as it runs, which in the demo and the benchmark (the simulators
     * run in govhub's JVM) is govhub's heap, copied by every young collection.
     */
    private final Set<String> cases = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Map<String, Object>>> messages = new ConcurrentHashMap<>();
    private final List<String> withdrawals = new CopyOnWriteArrayList<>();
    /** Withdrawals of a case this system had not received yet: messages about one case out of order. */
    private final List<String> withdrawalsBeforeCase = new CopyOnWriteArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refusedByOutage = new AtomicLong();
    private final AtomicInteger pushFailures = new AtomicInteger();
    private volatile Control control;
    private volatile String hubBaseUrl;
    private volatile String hubAuthorization;

    public CaseSystemSimulator(String id, Control initial) throws IOException {
        this.id = id;
        this.control = initial;
        this.server = SimulatorSupport.server(id, 8);
        this.scheduler = SimulatorSupport.scheduler(id);
        server.createContext("/cases", this::cases);
        server.createContext("/sim/control", this::controlEndpoint);
        server.createContext("/sim/state", ex -> send(ex, 200, state()));
        server.start();
        LOG.info("SIMULATOR {} listening on {}", id, baseUrl());
    }

    public String id() {
        return id;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where and as whom status messages are pushed. */
    public void callbackTo(String hubBaseUrl, String user, String password) {
        this.hubBaseUrl = hubBaseUrl;
        this.hubAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public void control(Control c) {
        this.control = c;
    }

    public long duplicates() {
        return duplicates.get();
    }

    public boolean has(String caseNumber) {
        return cases.contains(caseNumber);
    }

    public List<String> withdrawals() {
        return List.copyOf(withdrawals);
    }

    /** The case numbers whose withdrawal arrived before the case itself (the hub must send them in order). */
    public List<String> withdrawalsBeforeCase() {
        return List.copyOf(withdrawalsBeforeCase);
    }

    private void cases(HttpExchange ex) throws IOException {
        try (ex) {
            Control c = control;
            SimulatorSupport.pause(c.latencyMs());
            if (c.outage()) {
                refusedByOutage.incrementAndGet();
                send(ex, 503, Map.of("error", "SIMULATED_OUTAGE"));
                return;
            }
            if (c.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < c.errorRate()) {
                send(ex, 500, Map.of("error", "SIMULATED_ERROR"));
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if ("POST".equals(method) && path.equals("/cases")) {
                JsonNode body = JSON.readTree(read(ex.getRequestBody()));
                String no = body.path("caseNumber").asText("");
                if (no.isEmpty()) {
                    send(ex, 400, Map.of("error", "caseNumber missing"));
                    return;
                }
                boolean first = cases.add(no);
                if (first) {
                    received.incrementAndGet();
                    runScript(no, c);
                } else {
                    duplicates.incrementAndGet();
                }
                send(ex, 200, Map.of("caseNumber", no, "duplicate", !first, "receivedBy", id));
            } else if ("POST".equals(method) && path.matches("/cases/[^/]+/withdrawal")) {
                String no = path.split("/")[2];
                if (!cases.contains(no)) {
                    withdrawalsBeforeCase.add(no);
                }
                withdrawals.add(no);
                send(ex, 200, Map.of("withdrawn", true));
            } else if ("GET".equals(method) && path.matches("/cases/[^/]+/messages")) {
                String no = path.split("/")[2];
                int after = 0;
                String q = ex.getRequestURI().getQuery();
                if (q != null && q.startsWith("after=")) {
                    after = Integer.parseInt(q.substring(6));
                }
                int a = after;
                send(ex, 200, messages.getOrDefault(no, List.of()).stream()
                        .filter(m -> ((Integer) m.get("sequence")) > a).toList());
            } else {
                send(ex, 404, Map.of("error", "no such simulated operation"));
            }
        }
    }

    private void runScript(String caseNumber, Control c) {
        if (c.script() == Script.RECEIVE_ONLY) {
            return;
        }
        List<Map<String, Object>> script = new ArrayList<>();
        if (c.script() == Script.REFUSE) {
            script.add(message(caseNumber, 1, "REFUSAL", Map.of("reason", "申请材料不齐全（模拟）", "unit", id)));
        } else {
            script.add(message(caseNumber, 1, "ACCEPTANCE", Map.of("unit", name(), "handler", "模拟受理人")));
            if (c.script() == Script.COMPLETE) {
                script.add(message(caseNumber, 2, "STEP", Map.of("name", "审查", "action", "通过", "handler", "模拟审查人",
                        "opinion", "材料齐全，符合要求")));
                script.add(message(caseNumber, 3, "COMPLETION", Map.of("result", "准予许可", "licenceNumber",
                        "SIM" + caseNumber.substring(Math.max(0, caseNumber.length() - 10)), "validUntil", "2031-12-31",
                        "delivery", "窗口领取")));
            }
        }
        for (int i = 0; i < script.size(); i++) {
            Map<String, Object> m = script.get(i);
            scheduler.schedule(() -> {
                m.put("occurredAt", Instant.now().toString());
                messages.computeIfAbsent(caseNumber, k -> new CopyOnWriteArrayList<>()).add(m);
                if (control.push()) {
                    push(caseNumber, m, 1);
                }
            }, c.stepDelayMs() * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    private String name() {
        return id + "（模拟）";
    }

    private Map<String, Object> message(String caseNumber, int sequence, String type, Map<String, Object> details) {
        Map<String, Object> m = new ConcurrentHashMap<>();
        m.put("eventId", id + "-" + caseNumber + "-" + sequence);
        m.put("sequence", sequence);
        m.put("type", type);
        m.put("occurredAt", Instant.now().toString());
        m.put("details", details);
        return m;
    }

    private void push(String caseNumber, Map<String, Object> m, int attempt) {
        String hub = hubBaseUrl;
        if (hub == null) {
            return;
        }
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(hub + "/api/v1/cases/" + caseNumber + "/status"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Authorization", hubAuthorization)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(m))).build();
            HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() >= 500 || res.statusCode() == 429) {
                retry(caseNumber, m, attempt, "HTTP " + res.statusCode());
            } else if (res.statusCode() >= 400) {
                LOG.warn("SIMULATOR {}: hub refused status message {} of {}: {} {}", id, m.get("sequence"), caseNumber,
                        res.statusCode(), res.body());
            }
        } catch (IOException e) {
            retry(caseNumber, m, attempt, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(String caseNumber, Map<String, Object> m, int attempt, String why) {
        pushFailures.incrementAndGet();
        if (attempt < 8) {
            scheduler.schedule(() -> push(caseNumber, m, attempt + 1), 250L << Math.min(attempt, 6), TimeUnit.MILLISECONDS);
        } else {
            LOG.warn("SIMULATOR {}: gave up pushing message {} of {}: {}", id, m.get("sequence"), caseNumber, why);
        }
    }

    private void controlEndpoint(HttpExchange ex) throws IOException {
        try (ex) {
            if ("POST".equals(ex.getRequestMethod())) {
                control = SimulatorSupport.updated(control, JSON.readTree(read(ex.getRequestBody())));
            }
            send(ex, 200, control);
        }
    }

    private Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("simulator", id);
        m.put("received", received.get());
        m.put("duplicates", duplicates.get());
        m.put("refusedByOutage", refusedByOutage.get());
        m.put("withdrawals", withdrawals.size());
        m.put("withdrawalsBeforeCase", withdrawalsBeforeCase.size());
        m.put("pushFailures", pushFailures.get());
        m.put("control", control);
        return m;
    }

    private static String read(InputStream in) throws IOException {
        byte[] b = in.readNBytes(4 * 1024 * 1024);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        SimulatorSupport.sendJson(ex, status, body);
    }

    @Override
    public void close() {
        SimulatorSupport.stop(server);
        scheduler.shutdownNow();
    }
}
