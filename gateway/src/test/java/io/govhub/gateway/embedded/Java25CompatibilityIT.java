package io.govhub.gateway.embedded;

import io.govhub.gateway.support.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * govhub must also run on Java 25: the jar this build made is started with a JDK 25 when the machine has one
 * ({@code /usr/lib/jvm/*25*}, as the project's machines do), in its embedded mode, and must become ready and stop
 * cleanly. Skipped, with a message, where no JDK 25 is installed.
 */
class Java25CompatibilityIT {

    private static final Pattern READY = Pattern.compile("govhub ready in \\d+ ms: UI http://localhost:(\\d+)/");

    static Path java25() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> s = Files.list(jvms)) {
            return s.filter(p -> p.getFileName().toString().contains("25"))
                    .map(p -> p.resolve("bin/java")).filter(Files::isExecutable).findFirst().orElse(null);
        }
    }

    @Test
    void the_jar_runs_on_java_25() throws Exception {
        Path java = java25();
        Assumptions.assumeTrue(java != null, "no JDK 25 under /usr/lib/jvm");
        Path dir = Path.of("target/it-data/java25-" + ProcessHandle.current().pid()).toAbsolutePath();
        Path log = dir.resolve("govhub.log");
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-jar", Path.of("target/govhub.jar").toString(),
                "--server.port=0", "--govhub.data-dir=" + dir.resolve("data")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String out = ChildJvm.await(p, log, l -> READY.matcher(l).find(), Duration.ofMinutes(3));
            Matcher m = READY.matcher(out);
            assertThat(m.find()).isTrue();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + m.group(1) + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(out).contains("Java 25");
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(log)).contains("Embedded PostgreSQL stopped");
    }
}
