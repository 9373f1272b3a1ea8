package io.govhub.gateway.embedded;

import io.govhub.gateway.support.ChildJvm;
import io.govhub.gateway.support.StandaloneArtemisBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The services a production deployment shares between its nodes, started on loopback as separate processes: a
 * PostgreSQL server, a Redis server, and an Artemis broker in its own JVM. For the tests that run govhub against
 * external services, with one node or several.
 */
public final class SharedServices implements AutoCloseable {

    private final DataDirectory pgDir;
    private final DataDirectory redisDir;
    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;
    private Process broker;
    private final Path dir;
    private final int brokerPort;

    private SharedServices(Path dir, DataDirectory pgDir, DataDirectory redisDir, EmbeddedPostgresServer postgres,
                           EmbeddedRedisServer redis, Process broker, int brokerPort) {
        this.dir = dir;
        this.pgDir = pgDir;
        this.redisDir = redisDir;
        this.postgres = postgres;
        this.redis = redis;
        this.broker = broker;
        this.brokerPort = brokerPort;
    }

    public static SharedServices start(Path dir) throws Exception {
        DataDirectory pgDir = DataDirectory.open(dir.resolve("external-postgres"));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(pgDir, 0);
        DataDirectory redisDir = DataDirectory.open(dir.resolve("external-redis"));
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(redisDir, 0);
        int brokerPort = LocalProcesses.freePort();
        return new SharedServices(dir, pgDir, redisDir, postgres, redis, broker(dir, brokerPort, 1), brokerPort);
    }

    private static Process broker(Path dir, int port, int run) throws Exception {
        Path log = dir.resolve("broker-" + run + ".log");
        Process broker = ChildJvm.start(log, List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StandaloneArtemisBroker.class.getName(), String.valueOf(port)));
        ChildJvm.await(broker, log, l -> l.startsWith("ARTEMIS READY"), Duration.ofMinutes(1));
        return broker;
    }

    private int brokerRuns = 1;

    /** Stops the broker (it keeps no messages: what was queued is lost, as in a crash of a broker without a backup). */
    public void stopBroker() throws Exception {
        broker.getOutputStream().close();
        broker.waitFor();
    }

    public void startBroker() throws Exception {
        broker = broker(dir, brokerPort, ++brokerRuns);
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
                "--govhub.broker.url=tcp://127.0.0.1:" + brokerPort);
    }

    @Override
    public void close() throws Exception {
        broker.getOutputStream().close();
        broker.destroy();
        redis.close();
        redisDir.close();
        postgres.close();
        pgDir.close();
    }
}
