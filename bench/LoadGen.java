import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A constant-rate (open-loop) HTTP load generator: requests leave on a fixed schedule whether or not earlier ones have
 * answered, and each latency is measured from the moment the request was due, so a stalled server shows in the
 * percentiles instead of slowing the load down (no coordinated omission).
 *
 *   java bench/LoadGen.java URL RATE_PER_SECOND SECONDS [URL2 ...]   (several URLs: taken in turn)
 *   java -Dbody=FILE [-Dauth=user:password] bench/LoadGen.java URL RATE SECONDS
 *   -Dbearer=TOKEN (GET or POST): sends "Authorization: Bearer TOKEN" instead
 *        POSTs the JSON in FILE instead, with every "{n}" in it replaced by the request's number and a fresh
 *        Idempotency-Key header per request; 200 and 201 count as ok.
 *
 *   -Dleadin=SECONDS  first sends at the same rate for that long without counting (default 0): the generator's own
 *        start (its JIT, its worker threads, its connections) then falls outside the measured requests, which follow
 *        on the same schedule without a gap
 *   -Ddump=FILE  also writes each measured request's due time (epoch milliseconds), latency (microseconds) and how
 *                late the generator began to send it (microseconds: its own delay, part of the latency)
 *
 * Prints: sent, ok, errors, p50, p90, p99, p99.9 and max latency in milliseconds (of the measured requests).
 * Loopback only.
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        List<URI> uris = new ArrayList<>();
        uris.add(URI.create(args[0]));
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        for (int i = 3; i < args.length; i++) {
            uris.add(URI.create(args[i]));
        }
        for (URI u : uris) {
            String host = u.getHost();
            if (!host.equals("localhost") && !host.startsWith("127.")) {
                throw new IllegalArgumentException("loopback targets only: " + u);
            }
        }
        // blocking HttpURLConnection (keep-alive) on a pool of workers: far lighter than an async client, so that
        // the generator leaves the shared CPU to the server
        java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(64);
        String bodyTemplate = System.getProperty("body") == null ? null
                : java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("body")));
        String auth = System.getProperty("bearer") != null ? "Bearer " + System.getProperty("bearer")
                : System.getProperty("auth") == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString(System.getProperty("auth").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String runId = Long.toString(System.currentTimeMillis(), 36);
        int leadIn = rate * Integer.getInteger("leadin", 0);
        int measured = rate * seconds;
        int total = leadIn + measured;
        long[] latencies = new long[total];
        long[] startLags = new long[total];
        AtomicInteger errors = new AtomicInteger(); // of the measured requests
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        for (int i = 0; i < total; i++) {
            final int n = i;
            long due = start + n * intervalNanos;
            scheduler.schedule(() -> workers.execute(() -> {
                startLags[n] = System.nanoTime() - due;
                boolean ok = false;
                try {
                    java.net.HttpURLConnection c = (java.net.HttpURLConnection) uris.get(n % uris.size()).toURL().openConnection();
                    c.setConnectTimeout(5000);
                    c.setReadTimeout(10000);
                    if (auth != null) {
                        c.setRequestProperty("Authorization", auth);
                    }
                    if (bodyTemplate != null) {
                        byte[] body = bodyTemplate.replace("{n}", runId + n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        c.setRequestMethod("POST");
                        c.setDoOutput(true);
                        c.setRequestProperty("Content-Type", "application/json");
                        c.setRequestProperty("Idempotency-Key", "bench-" + runId + "-" + n);
                        c.setFixedLengthStreamingMode(body.length);
                        try (java.io.OutputStream out = c.getOutputStream()) {
                            out.write(body);
                        }
                    }
                    int status = c.getResponseCode();
                    try (java.io.InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                        if (in != null) {
                            in.readAllBytes(); // read to the end so that the connection is reused
                        }
                    }
                    ok = status == 200 || (bodyTemplate != null && status == 201);
                } catch (java.io.IOException | RuntimeException e) {
                    ok = false;
                    if (failures.incrementAndGet() <= 3) {
                        System.err.println("request " + n + " failed: " + e);
                    }
                }
                latencies[n] = System.nanoTime() - due;
                if (!ok && n >= leadIn) {
                    errors.incrementAndGet();
                }
                if (done.incrementAndGet() == total) {
                    finished.complete(null);
                }
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        try {
            finished.get(total / rate + 60L, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.printf("rate=%d/s seconds=%d sent=%d answered=%d: TIMED OUT waiting for answers%n", rate, seconds,
                    total, done.get());
            System.exit(2);
        }
        scheduler.shutdown();
        if (System.getProperty("dump") != null) {
            long epochOfStart = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000;
            StringBuilder sb = new StringBuilder();
            for (int i = leadIn; i < total; i++) {
                sb.append(epochOfStart + i * intervalNanos / 1_000_000).append(' ').append(latencies[i] / 1000)
                        .append(' ').append(startLags[i] / 1000).append('\n');
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("dump")), sb);
        }
        long[] counted = Arrays.copyOfRange(latencies, leadIn, total);
        Arrays.sort(counted);
        System.out.printf("rate=%d/s seconds=%d%s sent=%d ok=%d errors=%d p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f ms%n",
                rate, seconds, leadIn == 0 ? "" : " (after a " + leadIn / rate + " s lead-in)", measured,
                measured - errors.get(), errors.get(), ms(counted, 0.50), ms(counted, 0.90),
                ms(counted, 0.99), ms(counted, 0.999), counted[measured - 1] / 1e6);
        System.exit(0);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
