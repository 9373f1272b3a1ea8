package io.govhub.connectors.scan;

import io.govhub.core.caseflow.MalwareScanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A ClamAV daemon (clamd) over TCP, with its own protocol: {@code zINSTREAM}, the content in chunks (each a 4-byte
 * big-endian length and the bytes), a zero-length chunk to end; the answer is {@code stream: OK},
 * {@code stream: <signature> FOUND} or an error line (for one, {@code INSTREAM size limit exceeded}, when the content
 * is longer than clamd's {@code StreamMaxLength}). Anything but the first two is no verdict: {@link Unavailable}.
 * One connection per scan (clamd's {@code IDSESSION} would save the connect, not the scan). The engine's version
 * ({@code zVERSION}: engine, signature version and date) is asked at most once a minute and recorded with each verdict.
 */
public class ClamdScanner implements MalwareScanner {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 4096;
    private static final Duration VERSION_AGE = Duration.ofMinutes(1);

    private final InetSocketAddress address;
    private final String name;
    private final int timeoutMillis;
    private final Clock clock;
    private volatile String version;
    private volatile Instant versionAt = Instant.MIN;

    public ClamdScanner(InetSocketAddress address, Duration timeout, Clock clock) {
        this.address = address;
        this.name = address.getHostString() + ":" + address.getPort();
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        this.clock = clock;
    }

    /** {@code host:port}; the host may be a name, an IPv4 address or a bracketed IPv6 address. */
    public static InetSocketAddress parseAddress(String hostPort) {
        String s = hostPort.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("govhub.materials.scan.clamd must be host:port, not '" + hostPort + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("govhub.materials.scan.clamd: the port of '" + hostPort + "' is not a number", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("govhub.materials.scan.clamd: port " + port + " is out of range");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** {@code host:port}, as configured. */
    public String name() {
        return name;
    }

    @Override
    public Verdict scan(byte[] content) {
        String engine = engine();
        String reply;
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            try {
                for (int off = 0; off < content.length; off += CHUNK) {
                    int n = Math.min(CHUNK, content.length - off);
                    out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
                    out.write(content, off, n);
                }
                out.write(new byte[4]);
                out.flush();
            } catch (IOException writeFailed) {
                // clamd answers a stream over its limit and closes: its answer says why, if it got out
                reply = readReply(in);
                throw new Unavailable("clamd at " + name + " stopped the stream: "
                        + (reply.isEmpty() ? writeFailed.getMessage() : reply), writeFailed);
            }
            reply = readReply(in);
        } catch (IOException e) {
            throw new Unavailable("clamd at " + name + ": " + e.getMessage(), e);
        }
        return verdict(reply, engine);
    }

    /** The verdict in clamd's answer to INSTREAM; anything else is no verdict. */
    static Verdict verdict(String reply, String engine) {
        String prefix = "stream: ";
        if (reply.equals(prefix + "OK")) {
            return Verdict.clean(engine);
        }
        if (reply.startsWith(prefix) && reply.endsWith(" FOUND") && reply.length() > prefix.length() + " FOUND".length()) {
            return Verdict.found(reply.substring(prefix.length(), reply.length() - " FOUND".length()).strip(), engine);
        }
        throw new Unavailable("clamd gave no verdict: " + (reply.isEmpty() ? "(no answer)" : reply), null);
    }

    /** clamd's version line (engine, signature version and date), asked at most once a minute. */
    public String version() {
        return engine();
    }

    /** Whether clamd answers {@code PING} now (never remembered). */
    public boolean ping() {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            return "PONG".equals(readReply(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    /** clamd's version line, asked again after a minute; the verdicts carry it. */
    private String engine() {
        Instant now = clock.instant();
        String v = version;
        if (v != null && now.isBefore(versionAt.plus(VERSION_AGE))) {
            return v;
        }
        try (Socket socket = connect()) {
            socket.getOutputStream().write("zVERSION\0".getBytes(StandardCharsets.US_ASCII));
            v = readReply(socket.getInputStream());
        } catch (IOException e) {
            throw new Unavailable("clamd at " + name + ": " + e.getMessage(), e);
        }
        if (!v.startsWith("ClamAV ")) {
            throw new Unavailable("clamd at " + name + " answered VERSION with '" + v + "'", null);
        }
        version = v;
        versionAt = now;
        return v;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            InetSocketAddress resolved = new InetSocketAddress(address.getHostString(), address.getPort());
            socket.connect(resolved, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One answer: up to the terminating NUL (z-commands) or the end of the stream, at most 4 KiB. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while (buf.size() < MAX_REPLY && (b = in.read()) > 0) {
            buf.write(b);
        }
        return buf.toString(StandardCharsets.UTF_8).strip();
    }
}
