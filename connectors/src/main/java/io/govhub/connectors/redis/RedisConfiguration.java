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

    @Bean
    public RedisHealthIndicator redisHealthIndicator(JedisPooled jedis, RedisEndpoint endpoint) {
        return new RedisHealthIndicator(jedis, endpoint);
    }
}
