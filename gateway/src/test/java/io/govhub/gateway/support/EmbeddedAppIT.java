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
    }

    @LocalServerPort
    protected int port;

    protected Http http() {
        return new Http(port);
    }
}
