package io.govhub.gateway.support;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that run against govhub in its embedded mode, as a user starts it: real embedded
 * PostgreSQL, Redis and Artemis, a real Tomcat on a random port, real HTTP. All subclasses share one application
 * context (Spring's test context cache), whose data directory is new for each test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // metrics export (/actuator/prometheus) as in production
public abstract class EmbeddedAppIT {

    public static final String DATA_DIR = "target/it-data/embedded-" + ProcessHandle.current().pid();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("govhub.data-dir", () -> DATA_DIR);
        // delivery and the demo simulators on a test's time scale (production defaults are seconds to minutes)
        registry.add("govhub.delivery.initial-backoff", () -> "100ms");
        registry.add("govhub.delivery.max-backoff", () -> "500ms");
        registry.add("govhub.delivery.max-attempts", () -> "3");
        registry.add("govhub.delivery.circuit-open", () -> "500ms");
        registry.add("govhub.delivery.sweep-interval", () -> "200ms");
        registry.add("govhub.delivery.timeout", () -> "3s");
        registry.add("govhub.cases.poll-interval", () -> "300ms");
        registry.add("govhub.demo.step-delay", () -> "150ms");
        registry.add("govhub.credit.drop-folder.dir", () -> DATA_DIR + "-drop");
        registry.add("govhub.credit.drop-folder.poll-interval", () -> "300ms");
        registry.add("govhub.calendar.refresh-interval", () -> "500ms");
    }

    @LocalServerPort
    protected int port;

    protected Http http() {
        return new Http(port);
    }
}
