package io.govhub.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.gateway.support.EmbeddedAppIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log is tamper-evident: changing a stored event breaks the hash chain, and the check names the event. */
class AuditChainIT extends EmbeddedAppIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_changed_event_breaks_the_chain_at_that_event() {
        // something to audit: a failed sign-in and an access denial
        http().get("/api/v1/me", "no-such-user");
        http().get("/api/v1/audit", "clerk-feixian");
        JsonNode ok = http().get("/api/v1/audit/verify", "admin").json();
        assertThat(ok.path("valid").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.path("checked").asLong()).isGreaterThanOrEqualTo(2);

        long id = jdbc.queryForObject("select max(id) from audit_event where event = 'ACCESS_DENIED'", Long.class);
        String user = jdbc.queryForObject("select username from audit_event where id = ?", String.class, id);
        jdbc.update("update audit_event set username = 'someone-else' where id = ?", id);
        try {
            JsonNode broken = http().get("/api/v1/audit/verify", "admin").json();
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("firstInvalidId").asLong()).isEqualTo(id);
        } finally {
            jdbc.update("update audit_event set username = ? where id = ?", user, id);
        }
        assertThat(http().get("/api/v1/audit/verify", "admin").json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void only_an_administrator_checks_the_chain() {
        assertThat(http().get("/api/v1/audit/verify", "supervisor").status()).isEqualTo(403);
    }
}
