package io.govhub.gateway.embedded;

import io.govhub.gateway.support.ChildJvm;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mode as a user runs it: {@code java -jar gateway/target/govhub.jar} (built by the package phase before
 * this test runs), killed with {@code kill -9}, started again over the leftovers, then stopped with SIGTERM.
 */
class EmbeddedModeLifecycleIT {

    private static final Path JAR = Path.of("target/govhub.jar");
    private static final Pattern READY = Pattern.compile("govhub ready in \\d+ ms: UI http://localhost:(\\d+)/");

    private final Path dir = Path.of("target/it-data/lifecycle-" + ProcessHandle.current().pid()).toAbsolutePath();

    private final java.util.List<Process> started = new java.util.ArrayList<>();

    private Process start(String name) throws Exception {
        Process p = ChildJvm.start(dir.resolve(name + ".log"), List.of("-Xmx512m", "-jar", JAR.toString(),
                "--server.port=0", "--govhub.data-dir=" + dir.resolve("data")));
        started.add(p);
        return p;
    }

    /** A failed assertion must not leave a govhub (and its PostgreSQL and Redis) running after the test. */
    @org.junit.jupiter.api.AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static int port(String log) {
        Matcher m = READY.matcher(log);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private long pid(String file) {
        return LocalProcesses.readPid(dir.resolve("data").resolve(file)).orElseThrow();
    }

    private static boolean alive(long pid) {
        return LocalProcesses.isRunning(pid);
    }

    private static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void survives_kill_9_and_stops_cleanly_on_sigterm() throws Exception {
        assertThat(JAR).exists();

        Process first = start("first");
        String log1 = ChildJvm.await(first, dir.resolve("first.log"), l -> READY.matcher(l).find(), Duration.ofMinutes(3));
        assertThat(log1).contains("Created " + io.govhub.gateway.security.DemoAccounts.ACCOUNTS.size() + " demo accounts");
        assertThat(status(port(log1), "/actuator/health")).isEqualTo(200);
        long pg1 = pid("postgres/postmaster.pid");
        long redis1 = pid("redis/redis.pid");

        first.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(alive(pg1)).as("postgres outlives a kill -9 of the JVM").isTrue();
        assertThat(alive(redis1)).as("redis outlives a kill -9 of the JVM").isTrue();

        Process second = start("second");
        String log2 = ChildJvm.await(second, dir.resolve("second.log"), l -> READY.matcher(l).find(), Duration.ofMinutes(3));
        assertThat(log2).contains("left over from an earlier run");
        assertThat(log2).as("data persisted: the demo accounts exist already").doesNotContain("Created " + io.govhub.gateway.security.DemoAccounts.ACCOUNTS.size() + " demo accounts");
        assertThat(alive(pg1)).isFalse();
        assertThat(alive(redis1)).isFalse();
        int port = port(log2);
        assertThat(status(port, "/api/v1/divisions/371302")).isEqualTo(200);
        long pg2 = pid("postgres/postmaster.pid");
        long redis2 = pid("redis/redis.pid");

        second.destroy(); // SIGTERM
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(alive(pg2)).as("postgres stopped with govhub").isFalse();
        assertThat(alive(redis2)).as("redis stopped with govhub").isFalse();
        String stopped = Files.readString(dir.resolve("second.log"));
        assertThat(stopped).contains("Embedded PostgreSQL stopped").contains("Embedded Redis stopped");
    }
}
