package io.govhub.gateway.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.govhub.connectors.redis.RedisEndpoint;
import io.govhub.gateway.config.GovhubProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.IOException;
import java.net.URI;

/**
 * Chooses, per service, the external one (when its URL is set) or the embedded one. The embedded servers are beans
 * with a close method, so Spring stops them after the pools that use them, on a normal shutdown (SIGTERM, Ctrl-C)
 * and when the start fails half-way.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedServicesConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(AnyEmbedded.class)
    public DataDirectory dataDirectory(GovhubProperties props) {
        return DataDirectory.open(props.dataDir());
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedPostgres.class)
    public EmbeddedPostgresServer embeddedPostgres(DataDirectory dir, GovhubProperties props) throws IOException {
        return EmbeddedPostgresServer.start(dir, props.embedded().postgresPort());
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedRedis.class)
    public EmbeddedRedisServer embeddedRedis(DataDirectory dir, GovhubProperties props) throws IOException {
        return EmbeddedRedisServer.start(dir, props.embedded().redisPort());
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(GovhubProperties props, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig cfg = new HikariConfig();
        EmbeddedPostgresServer pg = embedded.getIfAvailable();
        if (pg != null) {
            cfg.setJdbcUrl(pg.jdbcUrl());
            cfg.setUsername(pg.username());
            cfg.setPassword(pg.password());
        } else {
            cfg.setJdbcUrl(props.db().url());
            cfg.setUsername(props.db().user());
            cfg.setPassword(props.db().password());
        }
        cfg.setPoolName("govhub-db");
        cfg.setMaximumPoolSize(props.db().poolSize());
        cfg.setConnectionTimeout(10_000);
        cfg.setInitializationFailTimeout(30_000);
        return new HikariDataSource(cfg);
    }

    @Bean
    public RedisEndpoint redisEndpoint(GovhubProperties props, ObjectProvider<EmbeddedRedisServer> embedded) {
        EmbeddedRedisServer redis = embedded.getIfAvailable();
        return new RedisEndpoint(URI.create(redis != null ? redis.url() : props.redis().url()), redis != null);
    }

    static final class AnyEmbedded implements Condition {
        @Override
        public boolean matches(ConditionContext ctx, AnnotatedTypeMetadata md) {
            return blank(ctx, "govhub.db.url") || blank(ctx, "govhub.redis.url") || blank(ctx, "govhub.broker.url");
        }
    }

    static final class EmbeddedPostgres implements Condition {
        @Override
        public boolean matches(ConditionContext ctx, AnnotatedTypeMetadata md) {
            return blank(ctx, "govhub.db.url");
        }
    }

    static final class EmbeddedRedis implements Condition {
        @Override
        public boolean matches(ConditionContext ctx, AnnotatedTypeMetadata md) {
            return blank(ctx, "govhub.redis.url");
        }
    }

    static boolean blank(ConditionContext ctx, String key) {
        String v = ctx.getEnvironment().getProperty(key);
        return v == null || v.isBlank();
    }

}
