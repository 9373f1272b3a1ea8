package io.govhub.core.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read from the database remembered on this node for a short time ({@code ttl}), for reads that every request
 * makes and that change rarely (the routing table, an item's guide, an account): at hundreds of requests a second a
 * lookup remembered for a second is one query a second instead of hundreds. What a caller must accept is in the
 * name: a change made on another node (or straight in the database) is seen here up to {@code ttl} later; a change made
 * through the same object calls {@link #forgetAll()} and is seen by the reads that start after it (a read racing with
 * the writer's commit may still remember the old value, for at most {@code ttl}). A loader's {@code null} is not
 * remembered (an {@code Optional.empty()} is). At most {@code maxEntries} keys; beyond that
 * everything is forgotten at once (the sets held here are small: dozens of partners, hundreds of items or accounts).
 */
public final class Remembered<K, V> {

    private record Entry<V>(V value, long at) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public Remembered(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    /** With a clock of one's own (tests). */
    public Remembered(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The value of {@code key}: remembered if read less than {@code ttl} ago, else read with {@code loader}. */
    public V get(K key, Function<K, V> loader) {
        long now = nanoTime.getAsLong();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.at() < ttlNanos) {
            return e.value();
        }
        long g = generation.get();
        V v = loader.apply(key);
        if (v != null && ttlNanos > 0) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            Entry<V> mine = new Entry<>(v, now);
            entries.put(key, mine);
            if (generation.get() != g) {
                entries.remove(key, mine); // forgotten while it was read: it may be the old value
            }
        }
        return v;
    }

    /** Forgets everything: the next read of every key goes to the loader. */
    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
