package io.govhub.connectors.scan;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code malwareScanner}: a PING to clamd, and its version line (engine, signature
 * version and date, asked at most once a minute); DOWN when clamd does not answer (uploads are then refused).
 */
public class ClamdHealthIndicator extends AbstractHealthIndicator {

    private final ClamdScanner scanner;

    public ClamdHealthIndicator(ClamdScanner scanner) {
        super("clamd health check failed");
        this.scanner = scanner;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("address", scanner.name());
        if (scanner.ping()) {
            builder.up().withDetail("version", scanner.version());
        } else {
            builder.down().withDetail("error", "clamd does not answer PING");
        }
    }
}
