package io.govhub.connectors.redis;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import redis.clients.jedis.JedisPooled;

/** {@code /actuator/health} component {@code redis}: a PING through the pool, with the server's version. */
public class RedisHealthIndicator extends AbstractHealthIndicator {

    private final JedisPooled jedis;
    private final RedisEndpoint endpoint;

    public RedisHealthIndicator(JedisPooled jedis, RedisEndpoint endpoint) {
        super("Redis health check failed");
        this.jedis = jedis;
        this.endpoint = endpoint;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String pong = jedis.ping();
        String version = jedis.info("server").lines().filter(l -> l.startsWith("redis_version:"))
                .map(l -> l.substring("redis_version:".length()).strip()).findFirst().orElse("unknown");
        builder.status("PONG".equals(pong) ? "UP" : "DOWN").withDetail("version", version)
                .withDetail("embedded", endpoint.embedded());
    }
}
