package io.govhub.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak server (the Quarkus distribution from Maven Central, copied to {@code target/keycloak/keycloak.zip}
 * by the build) in development mode on 127.0.0.1, with govhub's realm imported from
 * {@code src/main/keycloak/govhub-realm.json}. About 25 s to start here; one per test class.
 */
public final class KeycloakServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param appPort the port govhub will listen on: the web client's redirect URIs (port 8080 in the realm file) are
     *                set to it
     */
    public static KeycloakServer start(Path work, int appPort) throws Exception {
        return start(work, appPort, null);
    }

    /**
     * @param mint if not null, its realm test key is imported as one more key provider of the realm (published in the
     *             JWK set), so that the test can sign tokens of its own
     */
    public static KeycloakServer start(Path work, int appPort, TokenMint mint) throws Exception {
        Path zip = Path.of("target/keycloak/keycloak.zip").toAbsolutePath();
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: the build copies it in pre-integration-test (run ./mvnw verify)");
        }
        Path home = unzip(zip, work.resolve("keycloak"));
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        String realm = Files.readString(Path.of("src/main/keycloak/govhub-realm.json")).replace(":8080/", ":" + appPort + "/");
        if (mint != null) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(realm);
            tree.with("components").withArray("org.keycloak.keys.KeyProvider").add(mint.keyProvider());
            realm = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        }
        Files.writeString(imports.resolve("govhub-realm.json"), realm);
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = work.resolve("keycloak.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + ProcessHandle.current().pid());
        Process p = pb.start();
        ChildJvm.await(p, log, l -> l.contains("Listening on:"), Duration.ofMinutes(4));
        return new KeycloakServer(p, port);
    }

    /** The issuer of govhub's realm. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/govhub";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String adminPassword() {
        return "admin-" + ProcessHandle.current().pid();
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        Path marker = target.resolve(".unzipped");
        Path[] home = new Path[1];
        if (Files.exists(marker)) {
            return target.resolve(Files.readString(marker).strip());
        }
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (home[0] == null) {
                    home[0] = target.resolve(target.relativize(out).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(z, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.writeString(marker, target.relativize(home[0]).toString());
        return home[0];
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
