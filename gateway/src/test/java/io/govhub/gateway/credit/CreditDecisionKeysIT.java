package io.govhub.gateway.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.gateway.GovhubApplication;
import io.govhub.gateway.embedded.SharedServices;
import io.govhub.gateway.support.Http;
import io.govhub.gateway.support.NetworkCutSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions' idempotency keys (决定幂等键) in a real Redis, in front of which sits a link that can be cut
 * ({@link NetworkCutSimulator}): a decision submitted again unchanged is answered from the keys; a key never claims an
 * old version, whether the decision changed normally, while this node was cut off from Redis, or before Redis was
 * restarted from an older copy of its data.
 */
class CreditDecisionKeysIT {

    private static final Path DIR = Path.of("target/it-data/decision-keys-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static SharedServices services;
    private static NetworkCutSimulator link;
    private static ConfigurableApplicationContext app;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startServicesAndApp() throws Exception {
        services = SharedServices.start(DIR);
        link = new NetworkCutSimulator(java.net.URI.create(services.redis().url()).getPort());
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
                "--govhub.security.demo-accounts=true", "--govhub.demo.simulators=false"));
        services.nodeArguments().stream().filter(a -> !a.startsWith("--govhub.redis.url=")).forEach(args::add);
        args.add("--govhub.redis.url=redis://127.0.0.1:" + link.port());
        app = new SpringApplicationBuilder(GovhubApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (app != null) {
            app.close();
        }
        if (link != null) {
            link.close();
        }
        if (services != null) {
            services.close();
        }
    }

    private Http http() {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private static String documentNumber(String what) {
        return "临市监罚〔2026〕键" + what + System.nanoTime() % 1_000_000 + "号";
    }

    /** Submits one decision and waits (bounded) for its outcome: the record's item of the submission. */
    private JsonNode submit(String documentNumber, String fine) throws InterruptedException {
        Map<String, String> record = CreditFixtures.companyPenalty(documentNumber, fine, "2026-11-20");
        Http.Response receipt;
        try {
            receipt = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json",
                    json.writeValueAsString(record).getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        for (int i = 0; i < 300; i++) {
            JsonNode s = http().get(receipt.header("Location"), "credit-officer").json();
            if (!s.path("counts").has("RECEIVED")) {
                return s.path("items").get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not processed: " + receipt.body());
    }

    private String status(String documentNumber, String fine) throws InterruptedException {
        return submit(documentNumber, fine).path("status").asText();
    }

    /** The value of the decision's key in a generation and a Redis server's life; null when it has none. */
    private static String keyOf(String documentNumber, long generation, String run) {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(services.redis().url()))) {
            return redis.get("govhub:credit:key:" + generation + ":" + run + ":CF|" + CreditFixtures.MARKET + "|"
                    + documentNumber);
        }
    }

    /** The value of the decision's key where the node reads it now. */
    private String keyOf(String documentNumber) {
        return keyOf(documentNumber, generation(), run());
    }

    /** The running Redis server's life, as the keys name it: the start of its run id. */
    private static String run() {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(services.redis().url()))) {
            return redis.info("server").lines().filter(l -> l.startsWith("run_id:")).findFirst().orElseThrow()
                    .substring("run_id:".length(), "run_id:".length() + 16);
        }
    }

    /** A new decision (fine 0.5 万元) sent twice: stored, then found unchanged and remembered in Redis. */
    private String knownDecision(String what) throws InterruptedException {
        String doc = documentNumber(what);
        assertThat(status(doc, "0.5")).isEqualTo("ACCEPTED");
        assertThat(status(doc, "0.5")).isEqualTo("DUPLICATE");
        assertThat(keyOf(doc)).as("remembered").startsWith("=");
        return doc;
    }

    private long hits() {
        String metrics = http().get("/actuator/prometheus", "admin").body();
        return metrics.lines().filter(l -> l.startsWith("govhub_credit_decision_keys_hits_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no hits counter in " + metrics.length() + " characters"));
    }

    private long generation() {
        return app.getBean(JdbcTemplate.class).queryForObject("select generation from credit_decision_key_generation",
                Long.class);
    }

    @Test
    void a_decision_submitted_again_unchanged_is_answered_from_the_keys() throws Exception {
        String doc = documentNumber("重");
        JsonNode first = submit(doc, "0.5");
        assertThat(first.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(keyOf(doc)).as("a new decision gets its key when it is seen again").isNull();
        assertThat(status(doc, "0.5")).isEqualTo("DUPLICATE"); // found in the database, remembered
        String key = keyOf(doc);
        assertThat(key).startsWith("=" + first.path("recordId").asLong() + ":");
        long before = hits();
        JsonNode third = submit(doc, "0.5");
        assertThat(third.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(third.path("recordId").asLong()).isEqualTo(first.path("recordId").asLong());
        assertThat(hits()).as("answered from the key").isEqualTo(before + 1);
    }

    @Test
    void after_an_update_the_earlier_content_is_an_update_again_not_a_duplicate() throws Exception {
        String doc = knownDecision("改");
        String v1 = keyOf(doc);
        assertThat(status(doc, "0.8")).isEqualTo("UPDATED");
        String v2 = keyOf(doc);
        assertThat(v2).as("the key holds the new version").startsWith("=").isNotEqualTo(v1);
        assertThat(status(doc, "0.5")).isEqualTo("UPDATED");
        assertThat(status(doc, "0.5")).isEqualTo("DUPLICATE");
    }

    @Test
    void a_change_made_while_this_node_is_cut_off_from_redis_abandons_the_keys_written_before() throws Exception {
        String doc = knownDecision("断");
        String v1 = keyOf(doc);
        long generation = generation();
        link.cut();
        try {
            assertThat(status(doc, "0.8")).as("processed without Redis").isEqualTo("UPDATED");
        } finally {
            link.restore();
            // the node asks Redis again once its pause after the failure is over
            Thread.sleep(io.govhub.connectors.redis.RedisDecisionKeys.PAUSE.toMillis() + 500);
        }
        assertThat(keyOf(doc, generation, run())).as("Redis itself kept the old version: the node could not reach it")
                .isEqualTo(v1);
        assertThat(status(doc, "0.5")).as("the old key is not read again").isEqualTo("UPDATED");
        assertThat(generation()).as("a new generation of keys").isGreaterThan(generation);
    }

    @Test
    void redis_restarted_from_an_older_copy_of_its_data_brings_back_no_key() throws Exception {
        String doc = knownDecision("旧");
        Path data = DIR.resolve("external-redis").resolve("redis");
        Path copy = DIR.resolve("redis-copy-" + System.nanoTime());
        String firstRun = run();
        services.stopRedis();
        copyTree(data, copy);
        services.startRedis();
        reconnect();
        assertThat(keyOf(doc, generation(), firstRun)).as("the version, kept by Redis across its restart").startsWith("=");
        assertThat(keyOf(doc)).as("but not read in the new server's life").isNull();
        assertThat(status(doc, "0.5")).isEqualTo("DUPLICATE"); // remembered again in this server's life
        long generation = generation();
        assertThat(status(doc, "0.8")).isEqualTo("UPDATED");
        assertThat(generation()).as("the change was marked: no new generation").isEqualTo(generation);

        services.stopRedis(); // and back from the older copy, in which the decision's key holds 0.5
        deleteTree(data);
        copyTree(copy, data);
        services.startRedis();
        reconnect();
        assertThat(status(doc, "0.5")).isEqualTo("UPDATED");
    }

    /** Until the node's connections to Redis work again (a broken one is dropped when it fails). */
    private static void reconnect() throws InterruptedException {
        JedisPooled jedis = app.getBean(JedisPooled.class);
        int ok = 0;
        for (int i = 0; i < 200 && ok < 20; i++) {
            try {
                jedis.ping();
                ok++;
            } catch (redis.clients.jedis.exceptions.JedisException e) {
                ok = 0;
                Thread.sleep(50);
            }
        }
        assertThat(ok).as("the node reaches Redis again").isEqualTo(20);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".pid")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
