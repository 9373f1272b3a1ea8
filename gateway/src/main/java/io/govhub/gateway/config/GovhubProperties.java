package io.govhub.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Every {@code govhub.*} configuration key. Each is documented with its default and its environment variable in the
 * README's configuration table; {@code application.yaml} maps the environment variables.
 */
@ConfigurationProperties("govhub")
public record GovhubProperties(
        @DefaultValue("./govhub-data") Path dataDir,
        @DefaultValue("Linyi") String cityName,
        @DefaultValue Db db,
        @DefaultValue Redis redis,
        @DefaultValue Broker broker,
        @DefaultValue Embedded embedded,
        @DefaultValue Security security,
        @DefaultValue Http http) {

    /** PostgreSQL. An empty URL starts the embedded one. */
    public record Db(@DefaultValue("") String url, @DefaultValue("govhub") String user, @DefaultValue("") String password,
                     @DefaultValue("10") int poolSize) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** Redis, as a {@code redis://[user:password@]host:port[/db]} URL. Empty starts the embedded one. */
    public record Redis(@DefaultValue("") String url) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** The Artemis broker ({@code tcp://host:61616}). Empty starts the embedded one. */
    public record Broker(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** Ports of the embedded services; 0 picks a free port at each start. */
    public record Embedded(@DefaultValue("0") int postgresPort, @DefaultValue("0") int redisPort) {
    }

    /**
     * @param demoAccounts {@code auto}: create the demo accounts when the database is the embedded one;
     *                     {@code true}/{@code false} to force
     */
    public record Security(@DefaultValue("auto") String demoAccounts) {
    }

    /**
     * @param maxBodySize   the largest request body the API accepts
     * @param maxImportSize the largest file an implementation-list import accepts
     */
    public record Http(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("50MB") DataSize maxImportSize) {
    }

    public boolean demoAccountsEnabled() {
        return switch (security.demoAccounts().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> db.embedded();
        };
    }
}
