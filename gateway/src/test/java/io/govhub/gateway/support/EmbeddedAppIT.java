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
        // public rate limits on a test's scale (RateLimitIT sends from its own loopback address, 127.0.0.2)
        registry.add("govhub.rate-limit.public-per-ip", () -> "300");
        registry.add("govhub.rate-limit.public-per-client", () -> "300");
        registry.add("govhub.rate-limit.window", () -> "10s");
        // mutual TLS for partner systems on a second port, with certificates made for the test (MutualTlsIT)
        PartnerTlsFixture tls = PartnerTlsFixture.get();
        registry.add("govhub.partner-tls.enabled", () -> "true");
        registry.add("govhub.partner-tls.port", () -> String.valueOf(tls.port));
        registry.add("govhub.partner-tls.key-store", () -> tls.serverKeyStore.toString());
        registry.add("govhub.partner-tls.key-store-password", () -> "changeit");
        registry.add("govhub.partner-tls.trust-store", () -> tls.trustStore.toString());
        registry.add("govhub.partner-tls.trust-store-password", () -> "changeit");
        // uploaded materials scanned by a real clamd when it is installed (MaterialScanIT; required on CI)
        ClamdFixture clamd = ClamdFixture.getIfInstalled();
        if (clamd != null) {
            registry.add("govhub.materials.scan.clamd", clamd::address);
        }
    }

    @LocalServerPort
    protected int port;

    protected Http http() {
        return new Http(port);
    }
}
