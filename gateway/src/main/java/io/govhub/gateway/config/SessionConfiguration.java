package io.govhub.gateway.config;

import io.govhub.connectors.redis.RedisEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Web-UI sessions live in Redis (Spring Session), shared by every node: a request may land on any node, and a node's
 * death signs nobody out. The connection comes from the same {@code govhub.redis.url} as the rest of the hub's Redis
 * use (embedded or external); Spring Boot's session auto-configuration then stores the sessions under
 * {@code govhub:session:*} with the servlet session timeout as their time to live.
 */
@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

    @Bean
    public JedisConnectionFactory redisConnectionFactory(RedisEndpoint endpoint) {
        URI uri = endpoint.uri();
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(),
                uri.getPort() < 0 ? 6379 : uri.getPort());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            String decoded = java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                server.setPassword(decoded);
            } else {
                if (colon > 0) {
                    server.setUsername(decoded.substring(0, colon));
                }
                server.setPassword(decoded.substring(colon + 1));
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            server.setDatabase(Integer.parseInt(path.substring(1)));
        }
        JedisClientConfiguration.JedisClientConfigurationBuilder client = JedisClientConfiguration.builder()
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2));
        if ("rediss".equals(uri.getScheme())) {
            client.useSsl();
        }
        return new JedisConnectionFactory(server, client.build());
    }
}
