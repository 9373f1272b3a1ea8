package io.govhub.simulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.govhub.simulators.SoapSupport.envelope;
import static io.govhub.simulators.SoapSupport.escape;
import static io.govhub.simulators.SoapSupport.fault;
import static io.govhub.simulators.SoapSupport.first;
import static io.govhub.simulators.SoapSupport.send;

/**
 * SIMULATOR of a municipal department's case handling system that speaks SOAP (department.wsdl): not a real partner.
 * It takes {@code receiveCase} (idempotent by case number) and {@code withdrawCase}, and by its script reports
 * acceptance, a step and completion back through the hub's own SOAP case service ({@code reportStatus} at
 * {@code {hub}/services/cases}). Its XML parser refuses DTDs, like any SOAP endpoint should.
 */
public class SoapDepartmentSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SoapDepartmentSimulator.class);
    private static final String DEPT = "http://govhub.io/ws/department/v1";
    private static final String CASES = "http://govhub.io/ws/cases/v1";

    private final String id;
    private final HttpServer server;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> cases = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile CaseSystemSimulator.Control control;
    private volatile String hubBaseUrl;
    private volatile String hubAuthorization;

    public SoapDepartmentSimulator(String id, CaseSystemSimulator.Control initial) throws IOException {
        this.id = id;
        this.control = initial;
        this.server = SimulatorSupport.server(id, 4);
        this.scheduler = SimulatorSupport.scheduler(id);
        server.createContext("/department", this::handle);
        server.start();
        LOG.info("SIMULATOR {} (SOAP) listening on {}", id, endpoint());
    }

    public String id() {
        return id;
    }

    /** The SOAP endpoint address. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/department";
    }

    public void callbackTo(String hubBaseUrl, String user, String password) {
        this.hubBaseUrl = hubBaseUrl;
        this.hubAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public void control(CaseSystemSimulator.Control c) {
        this.control = c;
    }

    public boolean has(String caseNumber) {
        return cases.contains(caseNumber);
    }

    public long duplicates() {
        return duplicates.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            CaseSystemSimulator.Control c = control;
            SimulatorSupport.pause(c.latencyMs());
            if (c.outage()) {
                send(ex, 503, fault("soap:Server", "SIMULATED_OUTAGE"));
                return;
            }
            if (c.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < c.errorRate()) {
                send(ex, 500, fault("soap:Server", "SIMULATED_ERROR"));
                return;
            }
            Document doc;
            try {
                doc = SoapSupport.parse(ex);
            } catch (Exception bad) {
                send(ex, 500, fault("soap:Client", "malformed request"));
                return;
            }
            Element receive = first(doc, DEPT, "receiveCase");
            Element withdraw = first(doc, DEPT, "withdrawCase");
            if (receive != null) {
                String no = SoapSupport.text(receive, DEPT, "caseNumber");
                boolean first = cases.add(no);
                if (first) {
                    script(no, c);
                } else {
                    duplicates.incrementAndGet();
                }
                send(ex, 200, envelope("<d:receiveCaseResponse xmlns:d=\"" + DEPT + "\"><d:caseNumber>" + escape(no)
                        + "</d:caseNumber><d:duplicate>" + !first + "</d:duplicate></d:receiveCaseResponse>"));
            } else if (withdraw != null) {
                String no = SoapSupport.text(withdraw, DEPT, "caseNumber");
                send(ex, 200, envelope("<d:withdrawCaseResponse xmlns:d=\"" + DEPT + "\"><d:caseNumber>" + escape(no)
                        + "</d:caseNumber></d:withdrawCaseResponse>"));
            } else {
                send(ex, 500, fault("soap:Client", "unknown operation"));
            }
        }
    }

    private void script(String caseNumber, CaseSystemSimulator.Control c) {
        if (c.script() == CaseSystemSimulator.Script.RECEIVE_ONLY || !c.push()) {
            return;
        }
        String[] accept = {"ACCEPTANCE", "unit", id + "（模拟）", "handler", "模拟受理人"};
        List<String[]> steps = new java.util.ArrayList<>();
        if (c.script() == CaseSystemSimulator.Script.REFUSE) {
            steps.add(new String[]{"REFUSAL", "reason", "申请材料不齐全（模拟）"});
        } else {
            steps.add(accept);
            if (c.script() == CaseSystemSimulator.Script.COMPLETE) {
                steps.add(new String[]{"STEP", "name", "审查", "action", "通过", "handler", "模拟审查人"});
                steps.add(new String[]{"COMPLETION", "result", "准予许可", "licenceNumber",
                        "SOAP" + caseNumber.substring(caseNumber.length() - 8)});
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            int seq = i + 1;
            String[] s = steps.get(i);
            scheduler.schedule(() -> report(caseNumber, seq, s, 1), c.stepDelayMs() * seq, TimeUnit.MILLISECONDS);
        }
    }

    private void report(String caseNumber, int seq, String[] s, int attempt) {
        String hub = hubBaseUrl;
        if (hub == null) {
            return;
        }
        StringBuilder details = new StringBuilder();
        for (int i = 1; i + 1 < s.length; i += 2) {
            details.append("<c:detail><c:name>").append(escape(s[i])).append("</c:name><c:value>").append(escape(s[i + 1]))
                    .append("</c:value></c:detail>");
        }
        String body = envelope("<c:reportStatus xmlns:c=\"" + CASES + "\"><c:caseNumber>" + escape(caseNumber)
                + "</c:caseNumber><c:eventId>" + escape(id + "-" + caseNumber + "-" + seq) + "</c:eventId><c:sequence>" + seq
                + "</c:sequence><c:type>" + s[0] + "</c:type><c:occurredAt>" + Instant.now() + "</c:occurredAt>" + details
                + "</c:reportStatus>");
        try {
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(hub + "/services/cases"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + CASES + "/reportStatus\"").header("Authorization", hubAuthorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200 && attempt < 8) {
                scheduler.schedule(() -> report(caseNumber, seq, s, attempt + 1), 250L << Math.min(attempt, 6),
                        TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            if (attempt < 8) {
                scheduler.schedule(() -> report(caseNumber, seq, s, attempt + 1), 250L << Math.min(attempt, 6),
                        TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        SimulatorSupport.stop(server);
        scheduler.shutdownNow();
    }
}
