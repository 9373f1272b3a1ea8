package io.govhub.connectors.redis;

import io.govhub.core.shared.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.Optional;

/**
 * Fixed-window counters in Redis, shared by all nodes: {@code INCR rl:<bucket>:<window number>}, the key expiring with
 * its window. Redis down: the attempt is let through (logged), never refused for that reason.
 */
public class RedisRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private final JedisPooled jedis;

    public RedisRateLimiter(JedisPooled jedis) {
        this.jedis = jedis;
    }

    @Override
    public Optional<Duration> tryAcquire(String bucket, int limit, Duration window) {
        long windowMillis = window.toMillis();
        long now = System.currentTimeMillis();
        long slot = now / windowMillis;
        String key = "rl:" + bucket + ":" + slot;
        try {
            long n = jedis.incr(key);
            if (n == 1) {
                jedis.pexpire(key, windowMillis + 1000);
            }
            if (n <= limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((slot + 1) * windowMillis - now));
        } catch (JedisException e) {
            LOG.debug("Rate limit not checked (Redis unavailable): {}", e.getMessage());
            return Optional.empty();
        }
    }
}
