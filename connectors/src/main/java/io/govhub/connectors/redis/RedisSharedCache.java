package io.govhub.connectors.redis;

import io.govhub.core.shared.SharedCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared cache in Redis, keys prefixed {@code govhub:cache:}. Redis being down makes it a cache that misses:
 * callers read the database instead; a warning is logged at most once a minute.
 */
public class RedisSharedCache implements SharedCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSharedCache.class);
    static final String PREFIX = "govhub:cache:";

    private final JedisPooled jedis;
    private final AtomicLong lastWarning = new AtomicLong();

    public RedisSharedCache(JedisPooled jedis) {
        this.jedis = jedis;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(jedis.get(PREFIX + key));
        } catch (JedisException e) {
            warn(e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        try {
            jedis.setex(PREFIX + key, Math.max(1, ttl.toSeconds()), value);
        } catch (JedisException e) {
            warn(e);
        }
    }

    @Override
    public void evict(String key) {
        try {
            jedis.del(PREFIX + key);
        } catch (JedisException e) {
            // an eviction that failed leaves a stale entry until its time-to-live ends
            warn(e);
        }
    }

    private void warn(JedisException e) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            LOG.warn("Shared cache (Redis) unavailable, reading through to the database: {}", e.getMessage());
        }
    }
}
