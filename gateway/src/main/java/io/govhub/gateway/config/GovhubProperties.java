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
        @DefaultValue Http http,
        @DefaultValue Demo demo,
        java.util.List<PartnerConfig> partners,
        java.util.List<RouteConfig> routes) {

    public GovhubProperties {
        partners = partners == null ? java.util.List.of() : java.util.List.copyOf(partners);
        routes = routes == null ? java.util.List.of() : java.util.List.copyOf(routes);
    }

    /**
     * @param simulators {@code auto}: start the partner-system SIMULATORS (and route the demo cases to them) when the
     *                   demo accounts are enabled; {@code true}/{@code false} to force
     * @param stepDelay  time between the simulated systems' status messages
     */
    public record Demo(@DefaultValue("auto") String simulators, @DefaultValue("3s") java.time.Duration stepDelay) {
    }

    /** A partner system to register at start when absent (then ADMIN edits it in the UI; see PartnerSystem). */
    public record PartnerConfig(String id, String name, String level, String division, @DefaultValue("REST") String protocol,
                                String endpoint, String credentialsRef, java.util.List<String> operations,
                                @DefaultValue("PUSH") String statusMode, @DefaultValue("true") boolean logBodies) {
    }

    /** A routing rule to register at start when its (pattern, division) is absent. */
    public record RouteConfig(String pattern, String division, String partner, Integer timeLimitWorkingDays) {
    }

    public boolean simulatorsEnabled() {
        return switch (demo.simulators().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> demoAccountsEnabled();
        };
    }

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
     * @param maxMaterialSize the largest application material (申请材料) a case accepts
     */
    public record Http(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("50MB") DataSize maxImportSize,
                       @DefaultValue("10MB") DataSize maxMaterialSize) {
    }

    public boolean demoAccountsEnabled() {
        return switch (security.demoAccounts().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> db.embedded();
        };
    }
}
