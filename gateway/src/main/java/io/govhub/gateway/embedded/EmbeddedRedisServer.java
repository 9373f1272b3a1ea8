package io.govhub.gateway.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Redis server run by govhub from codemonstur's embedded-redis binary, bound to 127.0.0.1, with its append-only
 * file and pid file in {@code <data-dir>/redis}. A server left over from a killed JVM is found through the pid file
 * and stopped before the new one starts.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private final RedisServer server;
    private final int port;
    private final Path pidFile;

    private EmbeddedRedisServer(RedisServer server, int port, Path pidFile) {
        this.server = server;
        this.port = port;
        this.pidFile = pidFile;
    }

    public static EmbeddedRedisServer start(DataDirectory dir, int port) throws IOException {
        long t0 = System.nanoTime();
        Path data = dir.resolve("redis");
        Files.createDirectories(data);
        Files.createDirectories(dir.resolve("redis-bin"));
        Path pidFile = data.resolve("redis.pid");
        stopStale(pidFile);
        int actualPort = port == 0 ? LocalProcesses.freePort() : port;
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(dir.resolve("redis-bin").toFile()))
                .bind("127.0.0.1")
                .port(actualPort)
                .setting("dir " + data)
                .setting("pidfile " + pidFile)
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("protected-mode yes")
                .setting("maxmemory 256mb")
                .setting("maxmemory-policy noeviction")
                .setting("save \"\"")
                .onShutdownForceStop(true)
                .build();
        server.start();
        LOG.info("Embedded Redis ready on 127.0.0.1:{} (data {}) in {} ms", actualPort, data,
                (System.nanoTime() - t0) / 1_000_000);
        return new EmbeddedRedisServer(server, actualPort, pidFile);
    }

    private static void stopStale(Path pidFile) {
        LocalProcesses.readPid(pidFile).flatMap(pid -> LocalProcesses.liveProcess(pid, "redis")).ifPresent(p -> {
            LOG.warn("A Redis server (pid {}) left over from an earlier run is still running; stopping it", p.pid());
            LocalProcesses.terminate(p, Duration.ofSeconds(10));
        });
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public java.util.Optional<Long> pid() {
        return LocalProcesses.readPid(pidFile);
    }

    @Override
    public void close() {
        var running = pid();
        try {
            server.stop();
            running.ifPresent(p -> LocalProcesses.awaitExit(p, Duration.ofSeconds(10)));
            LOG.info("Embedded Redis stopped");
        } catch (IOException e) {
            LOG.warn("Embedded Redis did not stop cleanly: {}", e.getMessage());
        }
    }
}
