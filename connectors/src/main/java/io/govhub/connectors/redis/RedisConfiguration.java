package io.govhub.connectors.redis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

/** The one Jedis pool of a hub node. */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

    @Bean(destroyMethod = "close")
    public JedisPooled jedis(RedisEndpoint endpoint) {
        // user, password and database number come from the URL; 2 s connect and socket timeouts
        return new JedisPooled(endpoint.uri(), 2000);
    }

    @Bean
    public io.govhub.core.shared.SharedCache sharedCache(JedisPooled jedis) {
        return new RedisSharedCache(jedis);
    }

    @Bean
    public io.govhub.core.shared.RateLimiter rateLimiter(JedisPooled jedis) {
        return new RedisRateLimiter(jedis);
    }

    /**
     * The decisions' idempotency keys, handed to the credit intake; {@code govhub.credit.decision-keys.enabled=false}
     * leaves the intake with the database only.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "govhub.credit.decision-keys.enabled",
            havingValue = "true", matchIfMissing = true)
    public RedisDecisionKeys decisionKeys(JedisPooled jedis, io.govhub.core.credit.CreditIntakeService intake,
            @org.springframework.beans.factory.annotation.Value("${govhub.credit.decision-keys.ttl:7d}") java.time.Duration ttl) {
        RedisDecisionKeys keys = new RedisDecisionKeys(jedis, ttl);
        intake.useDecisionKeys(keys);
        return keys;
    }

    @Bean
    public RedisHealthIndicator redisHealthIndicator(JedisPooled jedis, RedisEndpoint endpoint) {
        return new RedisHealthIndicator(jedis, endpoint);
    }
}
