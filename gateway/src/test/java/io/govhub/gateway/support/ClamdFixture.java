package io.govhub.gateway.support;

import io.govhub.connectors.scan.ClamdScanner;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A real ClamAV daemon (Debian's {@code clamav-daemon}: {@code /usr/sbin/clamd}), started once per test JVM on a free
 * loopback port, for the malware-scan tests of uploaded materials.
 * <p>
 * Its signature database is one test signature written here, not ClamAV's: the official databases come from
 * ClamAV's mirrors (freshclam), which this machine cannot reach. The signature matches the EICAR anti-virus test string
 * anywhere in a file (EICAR's file is "not a virus", made for exactly this); the string is kept in hex so that no
 * scanner on a developer's machine flags this source. clamd's {@code StreamMaxLength} is set below the hub's material
 * limit so that a test can see the hub refuse content clamd would not scan.
 * <p>
 * Without clamd installed the hub's context runs unscanned and {@link #require()} skips the scan tests with a message;
 * on CI ({@code CI=true}) it fails them. {@code .ci/run} installs {@code clamav-daemon}.
 */
public final class ClamdFixture {

    public static final File CLAMD = new File("/usr/sbin/clamd");
    /** The EICAR test string, in hex. */
    public static final String EICAR_HEX = "58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e4441"
            + "52442d414e544956495255532d544553542d46494c452124482b482a";
    public static final String SIGNATURE = "Govhub.Test.EICAR-Marker";
    /** clamd's StreamMaxLength here: content above it is refused by clamd (the hub's own limit is 10 MB). */
    public static final int STREAM_MAX_BYTES = 2 * 1024 * 1024;
    private static final Path DIR = Path.of(EmbeddedAppIT.DATA_DIR + "-clamd").toAbsolutePath();
    private static ClamdFixture instance;
    private static boolean tried;

    public final int port;
    private Process process;

    private ClamdFixture() throws IOException, InterruptedException {
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(DIR.resolve("db"));
        Files.createDirectories(DIR.resolve("tmp"));
        // an extended (body) signature: name:target type (0 = any file):offset (* = anywhere):hex
        Files.writeString(DIR.resolve("db/govhub-test.ndb"), SIGNATURE + ":0:*:" + EICAR_HEX + "\n");
        Files.writeString(DIR.resolve("clamd.conf"), String.join("\n",
                "Foreground yes",
                "TCPAddr 127.0.0.1",
                "TCPSocket " + port,
                "DatabaseDirectory " + DIR.resolve("db"),
                "TemporaryDirectory " + DIR.resolve("tmp"),
                "LogFile " + DIR.resolve("clamd.log"),
                "StreamMaxLength " + STREAM_MAX_BYTES,
                "MaxThreads 4",
                "") + "\n");
        start();
    }

    /** The daemon of this JVM, started on first use; null when clamd is not installed (outside CI). */
    public static synchronized ClamdFixture getIfInstalled() {
        if (!tried) {
            tried = true;
            if (!CLAMD.canExecute() && !"true".equals(System.getenv("CI"))) {
                return null;
            }
            try {
                instance = new ClamdFixture();
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            } catch (IOException e) {
                throw new IllegalStateException("clamd did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** The daemon, or the test is skipped (outside CI) when clamd is not installed. */
    public static ClamdFixture require() {
        ClamdFixture c = getIfInstalled();
        Assumptions.assumeTrue(c != null, "clamd not installed: apt-get install clamav-daemon");
        return c;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts the daemon and waits until it answers PING (a few seconds: it loads its one signature). */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(CLAMD.getPath(), "--config-file=" + DIR.resolve("clamd.conf"))
                .redirectErrorStream(true).redirectOutput(DIR.resolve("clamd.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ping()) {
            if (!process.isAlive()) {
                throw new IOException("clamd exited with " + process.exitValue() + ": "
                        + Files.readString(DIR.resolve("clamd.out")));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("clamd did not answer PING within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** Stops the daemon (an outage); {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean ping() {
        return new ClamdScanner(InetSocketAddress.createUnresolved("127.0.0.1", port), Duration.ofSeconds(2),
                java.time.Clock.systemUTC()).ping();
    }

    /** The EICAR test string's bytes. */
    public static byte[] eicar() {
        return HexFormat.of().parseHex(EICAR_HEX);
    }
}
