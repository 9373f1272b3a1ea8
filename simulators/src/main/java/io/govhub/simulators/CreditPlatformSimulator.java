package io.govhub.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SIMULATOR of the provincial credit platform (信用信息共享平台): not the real one. It takes records in the national
 * field layout ({@code POST /credit-records}, idempotent by record type + authority + document number: the same
 * content twice is a duplicate, new content an update), revocations and repairs ({@code POST
 * /credit-records/revocations}, {@code …/repairs}). Latency, an error rate and an outage (503) are set with
 * {@link #control} or {@code POST /sim/control}; {@code GET /sim/state} shows the counts.
 */
public class CreditPlatformSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CreditPlatformSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final HttpServer server;
    /** The records the platform holds: key → SHA-256 of the content (not the content: a bulk run sends millions). */
    private final Map<String, String> records = new ConcurrentHashMap<>();
    /** The last {@link #KEPT_EVENTS} arrivals, in order: RECORD|type|authority|document, REVOCATION|…, REPAIR|… */
    private final java.util.ArrayDeque<String> events = new java.util.ArrayDeque<>();
    static final int KEPT_EVENTS = 10_000;
    private final AtomicLong revocations = new AtomicLong();
    private final AtomicLong repairs = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile CaseSystemSimulator.Control control;
    private volatile String poison;

    public CreditPlatformSimulator(String id, CaseSystemSimulator.Control initial) throws IOException {
        this.id = id;
        this.control = initial;
        this.server = SimulatorSupport.server(id, 4);
        server.createContext("/credit-records", this::handle);
        server.createContext("/soap", this::handleSoap);
        server.createContext("/sim/control", this::controlEndpoint);
        server.createContext("/sim/state", ex -> send(ex, 200, state()));
        server.start();
        LOG.info("SIMULATOR {} (credit platform) listening on {}", id, baseUrl());
    }

    public String id() {
        return id;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The address of the same platform's SOAP interface (credit-platform.wsdl). */
    public String soapEndpoint() {
        return baseUrl() + "/soap";
    }

    public void control(CaseSystemSimulator.Control c) {
        this.control = c;
    }

    /** Whether the platform holds the record of this type, authority and document number. */
    public boolean has(String type, String authorityUscc, String documentNumber) {
        return records.containsKey(type + "|" + authorityUscc + "|" + documentNumber);
    }

    /**
     * Records whose document number contains {@code marker} get a 500 every time (a record the platform cannot take,
     * while it takes the others); null to stop.
     */
    public void failDocumentsContaining(String marker) {
        this.poison = marker;
    }

    /**
     * What arrived, in order, the last {@value #KEPT_EVENTS}: {@code RECORD|type|authority|document},
     * {@code REVOCATION|…}, {@code REPAIR|…}.
     */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void event(String e) {
        synchronized (events) {
            if (events.size() == KEPT_EVENTS) {
                events.removeFirst();
            }
            events.addLast(e);
        }
    }

    private static String digest(String content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The knobs, the same for both interfaces: waits the latency, then says SIMULATED_OUTAGE (counted) or
     * SIMULATED_ERROR when this request is to fail, or null.
     */
    private String simulatedFailure() {
        CaseSystemSimulator.Control c = control;
        SimulatorSupport.pause(c.latencyMs());
        if (c.outage()) {
            refused.incrementAndGet();
            return "SIMULATED_OUTAGE";
        }
        return c.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < c.errorRate() ? "SIMULATED_ERROR" : null;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String simulated = simulatedFailure();
            if (simulated != null) {
                send(ex, simulated.equals("SIMULATED_OUTAGE") ? 503 : 500, Map.of("error", simulated));
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, Map.of("error", "POST only"));
                return;
            }
            JsonNode body = JSON.readTree(ex.getRequestBody().readNBytes(4 * 1024 * 1024));
            String path = ex.getRequestURI().getPath();
            String type = body.path("recordType").asText();
            if (path.equals("/credit-records")) {
                JsonNode f = body.path("fields");
                String prefix = "PERMIT".equals(type) ? "XK_" : "CF_";
                String authority = f.path(prefix + ("PERMIT".equals(type) ? "XKJGDM" : "CFJGDM")).asText();
                String doc = f.path(prefix + "WSH").asText();
                if (type.isEmpty() || doc.isEmpty()) {
                    send(ex, 400, Map.of("error", "recordType and the document number are required"));
                    return;
                }
                String p = poison;
                if (p != null && doc.contains(p)) {
                    send(ex, 500, Map.of("error", "SIMULATED_RECORD_ERROR"));
                    return;
                }
                boolean duplicate = record(type, authority, doc, f.toString());
                send(ex, 200, Map.of("accepted", true, "duplicate", duplicate));
            } else if (path.equals("/credit-records/revocations")) {
                revocation(type, body.path("authorityUscc").asText(), body.path("documentNumber").asText());
                send(ex, 200, Map.of("revoked", true));
            } else if (path.equals("/credit-records/repairs")) {
                repair(type, body.path("authorityUscc").asText(), body.path("documentNumber").asText());
                send(ex, 200, Map.of("repaired", true));
            } else {
                send(ex, 404, Map.of("error", "no such simulated operation"));
            }
        }
    }

    /** Takes a record; returns whether it is a duplicate (the same content as held). */
    private boolean record(String type, String authority, String doc, String content) {
        String key = type + "|" + authority + "|" + doc;
        String digest = digest(content);
        String before = records.put(key, digest);
        event("RECORD|" + key);
        received.incrementAndGet();
        if (before != null && before.equals(digest)) {
            duplicates.incrementAndGet();
        } else if (before != null) {
            updates.incrementAndGet();
        }
        return digest.equals(before);
    }

    private void revocation(String type, String authority, String doc) {
        revocations.incrementAndGet();
        event("REVOCATION|" + type + "|" + authority + "|" + doc);
    }

    private void repair(String type, String authority, String doc) {
        repairs.incrementAndGet();
        event("REPAIR|" + type + "|" + authority + "|" + doc);
    }

    private static final String NS = "http://govhub.io/ws/creditplatform/v1";

    /** The SOAP interface: receiveRecord, revokeRecord, repairRecord, into the same state as the REST one. */
    private void handleSoap(HttpExchange ex) throws IOException {
        try (ex) {
            String simulated = simulatedFailure();
            if (simulated != null) {
                SoapSupport.send(ex, simulated.equals("SIMULATED_OUTAGE") ? 503 : 500,
                        SoapSupport.fault("soap:Server", simulated));
                return;
            }
            org.w3c.dom.Document doc;
            try {
                doc = SoapSupport.parse(ex);
            } catch (Exception bad) {
                SoapSupport.send(ex, 500, SoapSupport.fault("soap:Client", "malformed request"));
                return;
            }
            org.w3c.dom.Element receive = SoapSupport.first(doc, NS, "receiveRecord");
            org.w3c.dom.Element revoke = SoapSupport.first(doc, NS, "revokeRecord");
            org.w3c.dom.Element repair = SoapSupport.first(doc, NS, "repairRecord");
            if (receive != null) {
                String type = SoapSupport.text(receive, NS, "recordType");
                Map<String, String> fields = new java.util.TreeMap<>();
                org.w3c.dom.NodeList l = receive.getElementsByTagNameNS(NS, "field");
                for (int i = 0; i < l.getLength(); i++) {
                    org.w3c.dom.Element f = (org.w3c.dom.Element) l.item(i);
                    fields.put(f.getAttribute("code"), f.getTextContent());
                }
                String prefix = "PERMIT".equals(type) ? "XK_" : "CF_";
                String authority = fields.getOrDefault(prefix + ("PERMIT".equals(type) ? "XKJGDM" : "CFJGDM"), "");
                String number = fields.getOrDefault(prefix + "WSH", "");
                if (number.isEmpty()) {
                    SoapSupport.send(ex, 500, SoapSupport.fault("soap:Client", "the document number is required"));
                    return;
                }
                boolean duplicate = record(type, authority, number, fields.toString());
                SoapSupport.send(ex, 200, SoapSupport.envelope("<p:receiveRecordResponse xmlns:p=\"" + NS
                        + "\"><p:accepted>true</p:accepted><p:duplicate>" + duplicate + "</p:duplicate></p:receiveRecordResponse>"));
            } else if (revoke != null || repair != null) {
                org.w3c.dom.Element e = revoke != null ? revoke : repair;
                String type = SoapSupport.text(e, NS, "recordType");
                String number = SoapSupport.text(e, NS, "documentNumber");
                if (revoke != null) {
                    revocation(type, SoapSupport.text(e, NS, "authorityUscc"), number);
                } else {
                    repair(type, SoapSupport.text(e, NS, "authorityUscc"), number);
                }
                SoapSupport.send(ex, 200, SoapSupport.envelope("<p:done xmlns:p=\"" + NS + "\"><p:documentNumber>"
                        + SoapSupport.escape(number) + "</p:documentNumber></p:done>"));
            } else {
                SoapSupport.send(ex, 500, SoapSupport.fault("soap:Client", "unknown operation"));
            }
        }
    }

    private void controlEndpoint(HttpExchange ex) throws IOException {
        try (ex) {
            if ("POST".equals(ex.getRequestMethod())) {
                control = SimulatorSupport.updated(control, JSON.readTree(ex.getRequestBody().readNBytes(64 * 1024)));
            }
            send(ex, 200, control);
        }
    }

    private Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("simulator", id);
        m.put("records", records.size());
        m.put("received", received.get());
        m.put("duplicates", duplicates.get());
        m.put("updates", updates.get());
        m.put("revocations", revocations.get());
        m.put("repairs", repairs.get());
        m.put("refusedByOutage", refused.get());
        m.put("control", control);
        return m;
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        SimulatorSupport.sendJson(ex, status, body);
    }

    @Override
    public void close() {
        SimulatorSupport.stop(server);
    }
}
