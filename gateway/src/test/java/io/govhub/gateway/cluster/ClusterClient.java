package io.govhub.gateway.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The cluster harnesses' client, doing what a load balancer with retries does: a request goes to the nodes in turn
 * from a first one; when a node does not answer or answers 5xx, the same request (the same idempotency key) goes to
 * the next node 250 ms later, until the time budget is spent. Shared by {@link TwoNodesIT} and {@link ClusterBench}.
 */
final class ClusterClient {

    /** A final answer: 2xx or 4xx. */
    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Supplier<List<ClusterNode>> nodes;
    private final Duration budget;
    /** Requests a node did not answer (killed, stopping, connection cut), sent to the next node. */
    final AtomicInteger failovers = new AtomicInteger();
    /** Requests answered 5xx (e.g. 503 while the database restarts), sent again. */
    final AtomicInteger serverErrors = new AtomicInteger();

    /**
     * @param nodes  the nodes to spread over, asked before every attempt (a harness may leave out the stopped ones)
     * @param budget how long one request may take over all its attempts
     */
    ClusterClient(HttpClient http, Supplier<List<ClusterNode>> nodes, Duration budget) {
        this.http = http;
        this.nodes = nodes;
        this.budget = budget;
    }

    /** The request's final 2xx or 4xx answer, or null when no node gave one within the budget. */
    Answer send(String method, String path, String user, String idempotencyKey, String body, int first)
            throws InterruptedException {
        long until = System.nanoTime() + budget.toNanos();
        for (int attempt = 0; System.nanoTime() < until; attempt++) {
            List<ClusterNode> up = nodes.get();
            if (up.isEmpty()) {
                Thread.sleep(250);
                continue;
            }
            ClusterNode n = up.get(Math.floorMod(first + attempt, up.size()));
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (user + ":demo123").getBytes(StandardCharsets.UTF_8)))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                if (body != null) {
                    b.header("Content-Type", "application/json");
                }
                if (idempotencyKey != null) {
                    b.header("Idempotency-Key", idempotencyKey);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() < 500) {
                    return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
                }
                serverErrors.incrementAndGet();
            } catch (IOException down) {
                failovers.incrementAndGet();
            }
            Thread.sleep(250); // a client backs off: a restart of the database takes a few seconds
        }
        return null;
    }

    /** POSTs JSON; the named field of the 2xx answer, null when no node answered, and a 4xx fails the harness. */
    String post(String path, String user, String idempotencyKey, String body, int first, String field)
            throws InterruptedException {
        Answer a = send("POST", path, user, idempotencyKey, body, first);
        if (a == null) {
            return null;
        }
        if (a.status() >= 300) {
            throw new AssertionError("refused " + path + ": " + a.status() + " " + a.body());
        }
        return a.body().path(field).asText();
    }

    /**
     * Withdraws a case as the Lanshan clerk. A withdrawal has no idempotency key: when a node withdrew it but its
     * answer was lost, the next node answers 409 (already withdrawn); then the case must read WITHDRAWN.
     *
     * @return whether the case is withdrawn; false when no node answered
     */
    boolean withdraw(String caseNumber, int first) throws InterruptedException {
        Answer a = send("POST", "/api/v1/cases/" + caseNumber + "/withdrawal", "clerk-lanshan", null,
                "{\"reason\":\"申请人撤回（集群测试）\"}", first);
        if (a == null) {
            return false;
        }
        if (a.status() == 409) {
            a = send("GET", "/api/v1/cases/" + caseNumber, "clerk-lanshan", null, null, first);
            if (a == null) {
                return false;
            }
        }
        if (a.status() != 200 || !a.body().path("status").asText().equals("WITHDRAWN")) {
            throw new AssertionError("withdrawal of " + caseNumber + ": " + a.status() + " " + a.body());
        }
        return true;
    }
}
