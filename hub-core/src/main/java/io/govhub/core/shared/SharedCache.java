package io.govhub.core.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: a cache shared by all hub nodes (Redis in the product). Best effort: a cache that is unreachable answers
 * "not cached" and forgets nothing of importance; the system of record is always the database.
 */
public interface SharedCache {

    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    void evict(String key);

    /** A cache that caches nothing (tests of the use cases, or a node configured without one). */
    SharedCache NONE = new SharedCache() {
        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, String value, Duration ttl) {
        }

        @Override
        public void evict(String key) {
        }
    };
}
