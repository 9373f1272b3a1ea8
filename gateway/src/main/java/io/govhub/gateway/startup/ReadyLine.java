package io.govhub.gateway.startup;

import io.govhub.connectors.scan.ClamdScanner;
import io.govhub.gateway.config.GovhubProperties;
import io.govhub.gateway.embedded.EmbeddedPostgresServer;
import io.govhub.gateway.embedded.EmbeddedRedisServer;
import io.govhub.gateway.security.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/** Prints the one line a person starting govhub looks for: where it is, and how to sign in. */
@Component
public class ReadyLine {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyLine.class);

    private final GovhubProperties props;
    private final ObjectProvider<EmbeddedPostgresServer> postgres;
    private final ObjectProvider<EmbeddedRedisServer> redis;
    private final ObjectProvider<ClamdScanner> scanner;

    public ReadyLine(GovhubProperties props, ObjectProvider<EmbeddedPostgresServer> postgres,
                     ObjectProvider<EmbeddedRedisServer> redis, ObjectProvider<ClamdScanner> scanner) {
        this.props = props;
        this.postgres = postgres;
        this.redis = redis;
        this.scanner = scanner;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext w
                ? w.getWebServer().getPort() : -1;
        String base = "http://localhost:" + port;
        String services = "PostgreSQL " + (postgres.getIfAvailable() != null ? "embedded" : "external")
                + ", Redis " + (redis.getIfAvailable() != null ? "embedded" : "external")
                + ", Artemis " + (props.broker().embedded() ? "embedded" : "external")
                + (props.db().embedded() || props.redis().embedded() || props.broker().embedded()
                ? " (data in " + props.dataDir().toAbsolutePath().normalize() + ")" : "")
                + (scanner.getIfAvailable() != null ? " | materials virus-scanned by clamd " + scanner.getObject().name()
                : " | materials NOT virus-scanned (govhub.materials.scan.clamd unset)");
        String accounts = props.demoAccountsEnabled()
                ? " | demo accounts " + String.join(", ", DemoAccounts.usernames()) + " (password "
                + DemoAccounts.PASSWORD + ")"
                : "";
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("govhub ready in {} ms: UI {}/ | API docs {}/swagger-ui.html | {}{}", ms, base, base, services,
                accounts);
    }
}
