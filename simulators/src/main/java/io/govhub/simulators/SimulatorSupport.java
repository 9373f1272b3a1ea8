package io.govhub.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** What the SIMULATORS share: a loopback HTTP server on daemon threads, JSON answers, the knobs, waiting. */
final class SimulatorSupport {

    static {
        // answer small requests at once: without TCP_NODELAY a client that writes headers and body separately waits
        // for the delayed ACK (about 40 ms) on every request; real servers (Tomcat, nginx) set it too. Read once, when
        // the JDK's HTTP server is first used, so it is set here, before any simulator creates one.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private SimulatorSupport() {
    }

    /** An HTTP server on 127.0.0.1, a free port, {@code threads} daemon worker threads; not started. */
    static HttpServer server(String id, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(threads, r -> daemon(r, "simulator-http-" + id)));
        return server;
    }

    static ScheduledExecutorService scheduler(String id) {
        return Executors.newScheduledThreadPool(2, r -> daemon(r, "simulator-" + id));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    static void stop(HttpServer server) {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** The knobs after a {@code POST /sim/control}: each field given replaces the current one. */
    static CaseSystemSimulator.Control updated(CaseSystemSimulator.Control c, JsonNode n) {
        return new CaseSystemSimulator.Control(n.path("latencyMs").asLong(c.latencyMs()),
                n.path("errorRate").asDouble(c.errorRate()), n.path("outage").asBoolean(c.outage()),
                n.has("script") ? CaseSystemSimulator.Script.valueOf(n.get("script").asText()) : c.script(),
                n.path("stepDelayMs").asLong(c.stepDelayMs()), n.path("push").asBoolean(c.push()));
    }

    static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
