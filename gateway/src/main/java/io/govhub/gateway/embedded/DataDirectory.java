package io.govhub.gateway.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The directory that holds the embedded services' data ({@code ./govhub-data} by default). While govhub runs it holds
 * an exclusive lock on {@code govhub.lock} inside it: a second govhub on the same directory stops at once with a
 * clear message, and any postgres or redis process found running on this directory at start is known to be stale
 * (left by a {@code kill -9}) and is stopped. The operating system releases the lock when the JVM dies, however it
 * dies.
 */
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    public static DataDirectory open(Path dir) {
        try {
            Path root = dir.toAbsolutePath().normalize();
            Files.createDirectories(root);
            FileChannel ch = FileChannel.open(root.resolve("govhub.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new IllegalStateException("Another govhub is running with the data directory " + root
                        + " (its govhub.lock is held). Stop it, or set GOVHUB_DATA_DIR to another directory.");
            }
            return new DataDirectory(root, ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        channel.close();
    }
}
