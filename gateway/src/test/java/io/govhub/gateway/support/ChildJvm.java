package io.govhub.gateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Starts a separate JVM with its output in a file, and waits for a line in that file. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static Process start(Path log, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(args);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the log contains a line matching {@code ready}, or fails with the log's tail. */
    public static String await(Process p, Path log, Predicate<String> ready, Duration timeout)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.lines().anyMatch(ready)) {
                return text;
            }
            if (!p.isAlive()) {
                throw new AssertionError("process exited with " + p.exitValue() + ":\n" + tail(text));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready after " + timeout + ":\n" + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
