package io.govhub.gateway.web;

import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Public reads are public, administration is not, and each account acts with its own roles and division. */
class SecurityIT extends EmbeddedAppIT {

    @Test
    void public_reads_need_no_sign_in() {
        assertThat(http().get("/api/v1/divisions/371302").status()).isEqualTo(200);
        assertThat(http().get("/api/v1/calendar/2024").status()).isEqualTo(200);
        assertThat(http().postJson("/api/v1/identifiers/validate", "{\"kind\":\"org\",\"value\":\"MA1FL0LY9\"}").status())
                .isEqualTo(200);
        assertThat(http().get("/actuator/health").status()).isEqualTo(200);
        assertThat(http().get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void administration_needs_the_admin_role() {
        assertThat(http().get("/api/v1/audit").status()).isEqualTo(401);
        assertThat(http().get("/api/v1/audit", "supervisor").status()).isEqualTo(403);
        assertThat(http().get("/api/v1/audit", "admin").status()).isEqualTo(200);
        assertThat(http().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http().get("/actuator/prometheus", "clerk-feixian").status()).isEqualTo(403);
    }

    @Test
    void each_demo_account_has_its_role_and_division() {
        Http.Response lanshan = http().get("/api/v1/me", "clerk-lanshan");
        assertThat(lanshan.json().path("roles").toString()).isEqualTo("[\"HALL_CLERK\"]");
        assertThat(lanshan.json().path("divisionCode").asText()).isEqualTo("371302");
        assertThat(http().get("/api/v1/me", "clerk-feixian").json().path("divisionCode").asText()).isEqualTo("371325");
        assertThat(http().get("/api/v1/me", "credit-officer").json().path("organisationUscc").asText())
                .isEqualTo("11371300MB28500332");
        for (String user : new String[] {"admin", "supervisor", "guide-editor", "guide-reviewer", "applicant"}) {
            assertThat(http().get("/api/v1/me", user).status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void api_answers_carry_security_headers() {
        Http.Response r = http().get("/api/v1/divisions/371302");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void health_shows_the_database_redis_and_broker() {
        var health = http().get("/actuator/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("jms").path("status").asText()).isEqualTo("UP");
        // details only for an administrator
        assertThat(health.path("components").path("redis").has("details")).isFalse();
        assertThat(http().get("/actuator/health", "admin").json().path("components").path("redis").path("details")
                .path("version").asText()).startsWith("6.");
        assertThat(http().get("/actuator/prometheus", "admin").body()).contains("jvm_memory_used_bytes");
    }
}
