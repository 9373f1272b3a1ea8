package io.govhub.gateway.embedded;

import io.govhub.gateway.GovhubApplication;
import io.govhub.gateway.support.Http;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;
import redis.clients.jedis.JedisPooled;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: govhub configured with an external PostgreSQL, Redis and Artemis, each started by this test
 * as a separate process (PostgreSQL and Redis are server processes of their own; the broker runs in its own JVM).
 * govhub must start none of its embedded services, keep its data in the external ones, and create no demo accounts.
 */
class ExternalServicesIT {

    private static final Path DIR = Path.of("target/it-data/external-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static SharedServices services;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedRedisServer redis;
    private static int brokerPort;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void startServicesAndApp() throws Exception {
        services = SharedServices.start(DIR);
        postgres = services.postgres();
        redis = services.redis();
        brokerPort = services.brokerPort();
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--govhub.data-dir=" + DIR.resolve("app-data"), "--spring.jmx.enabled=false"));
        args.addAll(services.nodeArguments());
        app = new SpringApplicationBuilder(GovhubApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (app != null) {
            app.close();
        }
        if (services != null) {
            services.close();
        }
    }

    private Http http() {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @Test
    void no_embedded_service_is_started() {
        assertThat(app.getBeanProvider(EmbeddedPostgresServer.class).getIfAvailable()).isNull();
        assertThat(app.getBeanProvider(EmbeddedRedisServer.class).getIfAvailable()).isNull();
        assertThat(app.getBeanProvider(DataDirectory.class).getIfAvailable()).isNull();
        assertThat(app.getEnvironment().getProperty("spring.artemis.mode")).isEqualTo("native");
        assertThat(Files.exists(DIR.resolve("app-data"))).as("no data directory without embedded services").isFalse();
    }

    @Test
    void data_lands_in_the_external_postgresql() throws Exception {
        assertThat(http().get("/api/v1/divisions/371302").status()).isEqualTo(200);
        try (var c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             var rs = c.createStatement().executeQuery("select count(*) from division")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(32);
        }
    }

    @Test
    void redis_is_the_external_one() {
        app.getBean(JedisPooled.class).set("govhub:it:external", "yes");
        try (JedisPooled direct = new JedisPooled(java.net.URI.create(redis.url()))) {
            assertThat(direct.get("govhub:it:external")).isEqualTo("yes");
        }
    }

    @Test
    void the_broker_is_the_external_one() throws Exception {
        app.getBean(JmsTemplate.class).convertAndSend("govhub.it.external", "hello");
        try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
             Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue("govhub.it.external"));
            TextMessage m = (TextMessage) consumer.receive(10_000);
            assertThat(m).isNotNull();
            assertThat(m.getText()).isEqualTo("hello");
        }
    }

    @Test
    void health_is_up_and_demo_accounts_are_absent_in_production() {
        var health = http().get("/actuator/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("jms").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("UP");
        assertThat(http().get("/api/v1/me", "admin").status()).as("demo123 must not work against a real database")
                .isEqualTo(401);
    }
}
