package io.govhub.gateway.cases;

import io.govhub.core.delivery.OutboxEntry;
import io.govhub.core.delivery.persistence.JdbcDeliveryOutbox;
import io.govhub.gateway.support.EmbeddedAppIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's claims on the application's PostgreSQL, in a schema of their own (a copy of {@code delivery_outbox}
 * with its indexes; the application's relay sweeps the real table every second and must not take these messages):
 * messages of one ref go out in order, a claim by ids takes only what is due, and a message held up behind an older
 * one in backoff does not keep the sweep's batch to itself; a claim and an outcome commit asynchronously without a
 * statement of their own, and a delivery's effect is part of the outcome's statement.
 */
class DeliveryOutboxClaimsIT extends EmbeddedAppIT {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    DataSource appDataSource;

    private Connection connection;
    private JdbcTemplate jdbc;
    private JdbcDeliveryOutbox outbox;

    @BeforeEach
    void ownSchema() throws Exception {
        connection = appDataSource.getConnection();
        connection.setAutoCommit(true);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute("drop schema if exists outbox_claims_it cascade");
        jdbc.execute("create schema outbox_claims_it");
        // like … including all: columns, defaults, checks and indexes; not the foreign key to partner_system
        jdbc.execute("create table outbox_claims_it.delivery_outbox (like public.delivery_outbox including all)");
        jdbc.execute("set search_path to outbox_claims_it, public");
        outbox = new JdbcDeliveryOutbox(jdbc);
    }

    @AfterEach
    void dropSchema() throws Exception {
        jdbc.execute("set search_path to public");
        jdbc.execute("drop schema outbox_claims_it cascade");
        connection.close();
    }

    private long enqueue(String ref) {
        return outbox.enqueue("CASE_DISPATCH", "sim-sd-province", ref, "{\"ref\":\"" + ref + "\"}");
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }

    @Test
    void a_claim_by_ids_takes_each_ref_oldest_first_and_only_what_is_due() {
        long a1 = enqueue("A");
        long a2 = enqueue("A");
        long b1 = enqueue("B");
        long c1 = enqueue("C");
        outbox.failed(c1, "HTTP 500", Instant.now().plusSeconds(3600)); // in backoff: not due

        assertThat(ids(outbox.claim(List.of(a2), LEASE))).as("behind a1").isEmpty();
        List<OutboxEntry> claimed = outbox.claim(List.of(c1, b1, a2, a1), LEASE);
        assertThat(ids(claimed)).as("a2 behind a1, c1 not due").containsExactly(a1, b1);
        assertThat(claimed).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(ids(outbox.claim(List.of(a1, b1), LEASE))).as("leased: not claimed twice").isEmpty();

        outbox.delivered(List.of(a1));
        assertThat(ids(outbox.claim(List.of(a2), LEASE))).as("a1 delivered: a2 is next").containsExactly(a2);
        assertThat(jdbc.queryForObject("select status from delivery_outbox where id = ?", String.class, a1))
                .isEqualTo("DELIVERED");
    }

    @Test
    void a_message_behind_one_in_backoff_waits_without_holding_up_the_others() {
        long x1 = enqueue("X");
        long x2 = enqueue("X");
        long y1 = enqueue("Y");
        long y2 = enqueue("Y2");
        long y3 = enqueue("Y3");
        outbox.failed(x1, "HTTP 500", Instant.now().plusSeconds(3600)); // x2 is due, first in due order, but behind x1

        assertThat(ids(outbox.claimDue(2, LEASE, List.of()))).as("x2 and y1 are the first two due; x2 is behind x1")
                .containsExactly(y1);
        Instant x2Due = jdbc.queryForObject("select next_attempt_at from delivery_outbox where id = ?", Instant.class, x2);
        assertThat(x2Due).as("x2 waits a moment instead of heading the due order").isAfter(Instant.now());
        assertThat(ids(outbox.claimDue(2, LEASE, List.of()))).containsExactly(y2, y3);
        assertThat(ids(outbox.claimDue(2, LEASE, List.of()))).isEmpty();
        assertThat(jdbc.queryForObject("select attempts from delivery_outbox where id = ?", Integer.class, x2))
                .as("waiting behind x1 is not an attempt").isZero();
    }

    private String synchronousCommit() {
        return jdbc.queryForObject("select current_setting('synchronous_commit')", String.class);
    }

    @Test
    void a_claim_and_an_outcome_switch_off_the_synchronous_commit_of_their_own_transaction_only() throws Exception {
        long a1 = enqueue("A");
        long b1 = enqueue("B");
        assertThat(synchronousCommit()).isEqualTo("on");

        connection.setAutoCommit(false);
        assertThat(ids(outbox.claim(List.of(a1), LEASE))).containsExactly(a1);
        assertThat(synchronousCommit()).as("for the rest of the claim's transaction").isEqualTo("off");
        connection.commit();
        assertThat(synchronousCommit()).as("and no longer").isEqualTo("on");

        assertThat(ids(outbox.claimDue(10, LEASE, List.of()))).containsExactly(b1);
        assertThat(synchronousCommit()).isEqualTo("off");
        connection.rollback();
        connection.setAutoCommit(true);

        outbox.delivered(List.of(a1)); // on its own: its implicit transaction is the one that commits asynchronously
        assertThat(synchronousCommit()).isEqualTo("on");
        assertThat(jdbc.queryForObject("select status from delivery_outbox where id = ?", String.class, a1))
                .isEqualTo("DELIVERED");
    }

    @Test
    void a_delivery_and_its_effect_are_one_statement_both_or_neither() {
        jdbc.execute("create table outbox_claims_it.effect_target (ref text primary key, state text not null,"
                + " check (ref <> 'BAD' or state <> 'DONE'))");
        jdbc.update("insert into effect_target values ('A', 'WAITING'), ('B', 'WAITING'), ('BAD', 'WAITING')");
        var withEffect = new JdbcDeliveryOutbox(jdbc, java.util.Map.of("CASE_DISPATCH",
                refs -> "update effect_target t set state = 'DONE' from " + refs + " r where t.ref = r.ref"));
        long a = enqueue("A");
        long b = withEffect.enqueue("CREDIT_FORWARD", "sim-sd-province", "B", "{}");
        long bad = enqueue("BAD");

        withEffect.delivered(List.of(a, b));
        assertThat(jdbc.queryForList("select ref || '=' || state from effect_target order by ref", String.class))
                .as("the effect of A's kind only").containsExactly("A=DONE", "B=WAITING", "BAD=WAITING");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withEffect.delivered(List.of(bad)))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select status from delivery_outbox where id = ?", String.class, bad))
                .as("the effect failed: the delivery is not recorded either").isEqualTo("PENDING");
        assertThat(jdbc.queryForList("select status from delivery_outbox where id in (?, ?)", String.class, a, b))
                .containsOnly("DELIVERED");
    }
}
