package io.govhub.gateway.cluster;

import io.govhub.gateway.GovhubApplication;
import io.govhub.gateway.embedded.SharedServices;
import io.govhub.gateway.support.ChildJvm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A govhub node in its own JVM on the shared services, with one partner SIMULATOR registered as the handling system
 * of every item ({@code routes: *}), and the demo accounts; delivery and recovery on a test's time scale.
 */
final class ClusterNode {

    final String name;
    final int port;
    private final Path dir;
    private final List<String> args;
    Process process;

    /**
     * @param quickStart C1 only and a 384 MB heap: starts fast, for the CI scenarios; otherwise the full JIT and a
     *                   512 MB heap, as a node runs in production (the benchmarks)
     */
    ClusterNode(String name, Path dir, SharedServices services, String partnerUrl, List<String> extra, boolean quickStart)
            throws IOException {
        this.name = name;
        this.dir = dir;
        try (var s = new java.net.ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        args = new ArrayList<>(quickStart ? List.of("-Xmx384m", "-XX:TieredStopAtLevel=1") : List.of("-Xmx512m"));
        args.addAll(List.of("-cp",
                System.getProperty("java.class.path"), GovhubApplication.class.getName(),
                "--server.port=" + port, "--govhub.data-dir=" + dir.resolve(name), "--spring.jmx.enabled=false",
                "--govhub.security.demo-accounts=true", "--govhub.demo.simulators=false",
                "--govhub.partners[0].id=sim-cluster-partner", "--govhub.partners[0].name=模拟省级平台（集群测试）",
                "--govhub.partners[0].level=PROVINCE", "--govhub.partners[0].division=370000",
                "--govhub.partners[0].endpoint=" + partnerUrl, "--govhub.partners[0].operations[0]=DISPATCH",
                "--govhub.routes[0].pattern=*", "--govhub.routes[0].division=370000",
                "--govhub.routes[0].partner=sim-cluster-partner",
                "--govhub.delivery.initial-backoff=200ms", "--govhub.delivery.max-backoff=1s",
                "--govhub.delivery.circuit-open=1s", "--govhub.delivery.sweep-interval=300ms",
                "--govhub.credit.recovery-grace=3s", "--govhub.credit.recovery-interval=2s"));
        args.addAll(services.nodeArguments());
        args.addAll(extra);
    }

    void start() throws Exception {
        Path log = dir.resolve(name + ".log");
        process = ChildJvm.start(log, args);
        ChildJvm.await(process, log, l -> l.contains("Started GovhubApplication"), Duration.ofMinutes(3));
        awaitReady();
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    private void awaitReady() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not ready");
    }

    /** SIGKILL: no shutdown hook, no clean stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: graceful shutdown. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
