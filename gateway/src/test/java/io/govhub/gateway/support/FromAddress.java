package io.govhub.gateway.support;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One plain HTTP/1.1 GET sent from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so that a test's requests are
 * counted by the per-address rate limits apart from every other test's (which come from 127.0.0.1). Java's HTTP client
 * cannot choose its local address on Java 17.
 */
public final class FromAddress {

    private FromAddress() {
    }

    /** The whole answer: status line, headers and body. */
    public static String get(String from, int port, String path, String authorization) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            String req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
