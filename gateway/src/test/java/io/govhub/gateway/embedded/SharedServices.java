package io.govhub.gateway.embedded;

import io.govhub.gateway.support.ChildJvm;
import io.govhub.gateway.support.StandaloneArtemisBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The services a production deployment shares between its nodes, started on loopback as separate processes: a
 * PostgreSQL server, a Redis server, and an Artemis broker in its own JVM (or a primary/backup pair on a shared
 * store, two JVMs). For the tests that run govhub against external services, with one node or several.
 */
public final class SharedServices implements AutoCloseable {

    private final DataDirectory pgDir;
    private final DataDirectory redisDir;
    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;
    private Process broker;
    private Process backup;
    private Path backupLog;
    private final Path dir;
    private final int brokerPort;
    /** The backup's port, or 0 for a lone broker. */
    private final int backupPort;

    private SharedServices(Path dir, DataDirectory pgDir, DataDirectory redisDir, EmbeddedPostgresServer postgres,
                           EmbeddedRedisServer redis, int brokerPort, int backupPort) {
        this.dir = dir;
        this.pgDir = pgDir;
        this.redisDir = redisDir;
        this.postgres = postgres;
        this.redis = redis;
        this.brokerPort = brokerPort;
        this.backupPort = backupPort;
    }

    /** With a lone broker without persistence. */
    public static SharedServices start(Path dir) throws Exception {
        return start(dir, false);
    }

    /** @param brokerPair a primary and a backup broker on a shared store instead of a lone broker */
    public static SharedServices start(Path dir, boolean brokerPair) throws Exception {
        DataDirectory pgDir = DataDirectory.open(dir.resolve("external-postgres"));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(pgDir, 0);
        DataDirectory redisDir = DataDirectory.open(dir.resolve("external-redis"));
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(redisDir, 0);
        SharedServices s = new SharedServices(dir, pgDir, redisDir, postgres, redis, LocalProcesses.freePort(),
                brokerPair ? LocalProcesses.freePort() : 0);
        s.startBroker();
        return s;
    }

    private int brokerRuns;

    private Process broker(String role, int port) throws Exception {
        Path log = dir.resolve("broker-" + role + "-" + brokerRuns + ".log");
        List<String> args = new java.util.ArrayList<>(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StandaloneArtemisBroker.class.getName(), String.valueOf(port)));
        if (backupPort != 0) {
            args.addAll(List.of(role, dir.resolve("broker-store").toString(),
                    String.valueOf(port == brokerPort ? backupPort : brokerPort)));
        }
        Process p = ChildJvm.start(log, args);
        ChildJvm.await(p, log, l -> l.startsWith(role.equals("backup") ? "ARTEMIS BACKUP WAITING" : "ARTEMIS READY"),
                Duration.ofMinutes(1));
        return p;
    }

    /**
     * Stops the broker: the lone one (it keeps no messages: what was queued is lost, as in a crash of a broker
     * without a backup), or both of a pair (the backup first, so that it does not take over; the journal stays).
     */
    public void stopBroker() throws Exception {
        if (backup != null) {
            backup.getOutputStream().close();
            backup.waitFor();
            backup = null;
        }
        broker.getOutputStream().close();
        broker.waitFor();
    }

    /** Starts the broker: the lone one, or the primary then the backup of a pair. */
    public void startBroker() throws Exception {
        brokerRuns++;
        broker = broker("primary", brokerPort);
        if (backupPort != 0) {
            backup = broker("backup", backupPort);
            backupLog = dir.resolve("broker-backup-" + brokerRuns + ".log");
        }
    }

    /**
     * {@code kill -9} of the pair's primary, then waits until the backup reports that it took over (the store's lock
     * is freed by the death); fails when it does not within 30 s.
     */
    public void killBrokerPrimary() throws Exception {
        if (backupPort == 0) {
            throw new IllegalStateException("no backup broker");
        }
        long before = backupActivations();
        broker.destroyForcibly();
        broker.waitFor();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (backupActivations() == before) {
            if (System.nanoTime() > until || !backup.isAlive()) {
                throw new AssertionError("the backup broker did not take over; its log: " + backupLog);
            }
            Thread.sleep(100);
        }
    }

    /** How often the backup has become live (it goes back to waiting after each fail-back, in the same process). */
    private long backupActivations() throws java.io.IOException {
        return java.nio.file.Files.readString(backupLog).lines().filter(l -> l.contains("(backup live)")).count();
    }

    /** Starts the pair's primary again after {@link #killBrokerPrimary}: it takes over from the backup (fail-back). */
    public void restartBrokerPrimary() throws Exception {
        brokerRuns++;
        broker = broker("primary", brokerPort);
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedRedisServer redis() {
        return redis;
    }

    public int brokerPort() {
        return brokerPort;
    }

    /** Restarts PostgreSQL (a stop and a start on the same port and data, as a restart or a quick failover). */
    public void restartPostgres() throws java.io.IOException {
        int port = java.net.URI.create(postgres.jdbcUrl().substring("jdbc:".length())).getPort();
        postgres.close();
        postgres = EmbeddedPostgresServer.start(pgDir, port);
    }

    /** Stops the Redis server (an outage); {@link #startRedis} brings it back on the same port with its data. */
    public void stopRedis() {
        redis.close();
    }

    public void startRedis() throws java.io.IOException {
        int port = java.net.URI.create(redis.url()).getPort();
        redis = EmbeddedRedisServer.start(redisDir, port);
    }

    /** The command-line arguments that point a govhub node at these services. */
    public List<String> nodeArguments() {
        return List.of(
                "--govhub.db.url=" + postgres.jdbcUrl(),
                "--govhub.db.user=" + postgres.username(),
                "--govhub.db.password=" + postgres.password(),
                "--govhub.redis.url=" + redis.url(),
                "--govhub.broker.url=" + brokerUrl());
    }

    /** One broker's URL, or the pair's (a client tries them in turn when it connects). */
    public String brokerUrl() {
        return backupPort == 0 ? "tcp://127.0.0.1:" + brokerPort
                : "(tcp://127.0.0.1:" + brokerPort + ",tcp://127.0.0.1:" + backupPort + ")";
    }

    @Override
    public void close() throws Exception {
        if (backup != null) {
            backup.getOutputStream().close();
            backup.destroy();
        }
        broker.getOutputStream().close();
        broker.destroy();
        redis.close();
        redisDir.close();
        postgres.close();
        pgDir.close();
    }
}
