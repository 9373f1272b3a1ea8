package io.govhub.gateway.cluster;

import io.govhub.gateway.credit.CreditFixtures;
import io.govhub.gateway.embedded.SharedServices;
import io.govhub.gateway.support.HostileXml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process dies in the middle of a batch file (双公示 bulk intake): a node in its own JVM is killed with SIGKILL
 * while it processes a file of 30,000 decisions, with part of the file processed; a node started again finishes it.
 * Every record then has exactly one outcome, every valid decision is stored once and queued for the credit platform
 * once: the chunk that was in progress was rolled back whole and processed again, nothing before it twice.
 */
class CreditBatchCrashIT {

    private static final Path DIR = Path.of("target/it-data/credit-crash-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static final int ROWS = 30_000;
    private static SharedServices services;
    private static ClusterNode node;

    @BeforeAll
    static void startServices() throws Exception {
        services = SharedServices.start(DIR);
        // the credit platform is a partner that never answers usefully (the case SIMULATOR's port, no such path):
        // forwarding messages stay queued, so the test can count them
        node = new ClusterNode("node-credit", DIR, services, "http://127.0.0.1:9", List.of(
                "--govhub.partners[0].operations[1]=CREDIT_FORWARD"), true);
        node.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null && node.running()) {
            node.stop();
        }
        if (services != null) {
            services.close();
        }
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(services.postgres().jdbcUrl(), services.postgres().username(),
                services.postgres().password());
    }

    private static long number(Connection c, String sql, Object... args) throws Exception {
        try (var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void a_node_killed_mid_batch_leaves_nothing_half_written_and_the_batch_is_finished_once() throws Exception {
        String prefix = "临市监罚〔2026〕崩" + System.nanoTime() % 100000 + "-";
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            Map<String, String> r = CreditFixtures.companyPenalty(prefix + i, i % 1000 == 999 ? "-1" : "0.5", "2026-11-20");
            if (i == 0) {
                csv.append(String.join(",", r.keySet())).append("\r\n");
            }
            csv.append(String.join(",", r.values())).append("\r\n");
        }
        HttpResponse<String> receipt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port + "/api/v1/credit/batches"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "credit-officer:demo123".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=hostile")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HostileXml.multipart("decisions.csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8))))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        String id = receipt.body().replaceAll("(?s).*\"submissionId\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        long atKill;
        try (Connection c = db()) {
            String progress = "select processed_count from credit_submission where id = ?::uuid";
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (number(c, progress, id) < 3_000 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            node.kill();
            atKill = number(c, progress, id);
        }
        // the kill came mid-batch, or this test proves nothing
        assertThat(atKill).as("records processed when the node was killed").isBetween(3_000L, ROWS - 1L);

        System.out.printf("credit batch crash: node killed with %,d of %,d records processed%n", atKill, ROWS);
        node.start(); // the broker hands the unacknowledged message over again (or the recovery job does)

        try (Connection c = db()) {
            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (number(c, "select processed_count from credit_submission where id = ?::uuid", id) < ROWS
                    && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertThat(number(c, "select processed_count from credit_submission where id = ?::uuid", id)).isEqualTo(ROWS);
            // fresh statistics for the counts below: without them the planner may join 30,000 by 30,000 rows in a
            // nested loop (seen taking minutes)
            try (var st = c.createStatement()) {
                st.execute("analyze credit_record");
                st.execute("analyze delivery_outbox");
            }
            assertThat(number(c, "select count(*) from credit_outcome where submission_id = ?::uuid", id))
                    .as("one outcome per record").isEqualTo(ROWS);
            assertThat(number(c, "select count(distinct idx) from credit_outcome where submission_id = ?::uuid", id))
                    .as("no record has two").isEqualTo(ROWS);
            assertThat(number(c, "select count(*) from credit_outcome where submission_id = ?::uuid"
                    + " and status = 'REJECTED'", id)).isEqualTo(ROWS / 1000);
            assertThat(number(c, "select count(*) from credit_outcome where submission_id = ?::uuid"
                    + " and status = 'ACCEPTED'", id)).as("no record was taken for a duplicate of itself").isEqualTo(ROWS - ROWS / 1000);
            assertThat(number(c, "select count(*) from credit_record where document_number like ?", prefix + "%"))
                    .isEqualTo(ROWS - ROWS / 1000);
            assertThat(number(c, "select count(*) from delivery_outbox o join credit_record r on o.ref = 'credit-' || r.id"
                    + " where r.document_number like ? and o.kind = 'CREDIT_FORWARD'", prefix + "%"))
                    .as("each stored decision queued for the credit platform once").isEqualTo(ROWS - ROWS / 1000);
        }
    }
}
