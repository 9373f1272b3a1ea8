package io.govhub.gateway.cases;

import io.govhub.core.audit.MessageBodies;
import io.govhub.gateway.support.ClamdFixture;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.HostileXml;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploaded materials (申请材料) scanned by a real ClamAV daemon ({@link ClamdFixture}: Debian's clamd with one test
 * signature for the EICAR test string) before they are stored, failing closed: an infected upload is refused and
 * audited, and when clamd is down, or will not scan the content, nothing is stored and the caller is told to retry.
 */
class MaterialScanIT extends EmbeddedAppIT {

    @Autowired
    JdbcTemplate jdbc;

    private ClamdFixture clamd;

    @BeforeEach
    void clamd() throws Exception {
        clamd = ClamdFixture.require();
        clamd.start(); // no-op when it runs
    }

    private static byte[] pdf(byte[] inside) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("%PDF-1.4\n%govhub test\n".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(inside);
        b.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    private Http.Response upload(byte[] content) {
        return http().send("POST", "/api/v1/cases/materials", "clerk-lanshan", "multipart/form-data; boundary=hostile",
                HostileXml.multipart("材料.pdf", content));
    }

    private int stored(byte[] content) {
        return jdbc.queryForObject("select count(*) from case_material where sha256 = ?", Integer.class,
                MessageBodies.sha256Bytes(content));
    }

    @Test
    void a_clean_material_is_stored_with_the_engine_that_scanned_it() {
        byte[] clean = pdf(("营业执照 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        Http.Response r = upload(clean);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("scannedBy").asText()).startsWith("ClamAV 1.");
        assertThat(jdbc.queryForObject("select scanned_by from case_material where ref = ?::uuid", String.class,
                r.json().path("ref").asText())).startsWith("ClamAV 1.");
    }

    @Test
    void a_material_carrying_the_eicar_test_string_is_refused_audited_and_not_stored() {
        byte[] infected = pdf(ClamdFixture.eicar());
        long audited = jdbc.queryForObject("select count(*) from audit_event where event = 'MATERIAL_INFECTED'", Long.class);
        Http.Response r = upload(infected);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("MATERIAL_INFECTED");
        assertThat(r.json().path("detail").asText()).contains(ClamdFixture.SIGNATURE);
        assertThat(stored(infected)).isZero();
        assertThat(jdbc.queryForObject("select data->>'signature' from audit_event where event = 'MATERIAL_INFECTED'"
                + " and username = 'clerk-lanshan' and data->>'sha256' = ?", String.class,
                MessageBodies.sha256Bytes(infected))).startsWith(ClamdFixture.SIGNATURE);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where event = 'MATERIAL_INFECTED'", Long.class))
                .isEqualTo(audited + 1);
    }

    @Test
    void content_clamd_will_not_scan_is_refused_not_taken_as_clean() {
        // larger than clamd's StreamMaxLength, smaller than the hub's own 10 MB limit: clamd answers an error
        byte[] big = pdf(new byte[ClamdFixture.STREAM_MAX_BYTES + 1024]);
        Http.Response r = upload(big);
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("MATERIAL_SCAN_UNAVAILABLE");
        assertThat(stored(big)).isZero();
    }

    @Test
    void while_clamd_is_down_uploads_are_refused_and_health_says_so_then_taken_again() throws Exception {
        byte[] clean = pdf(("身份证明 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        clamd.stop();
        try {
            Http.Response r = upload(clean);
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("MATERIAL_SCAN_UNAVAILABLE");
            assertThat(r.json().path("detail").asText()).contains("病毒扫描暂时不可用");
            assertThat(stored(clean)).isZero();
            assertThat(http().get("/actuator/health", "admin").json().path("components").path("malwareScanner")
                    .path("status").asText()).isEqualTo("DOWN");
        } finally {
            clamd.start();
        }
        assertThat(http().get("/actuator/health", "admin").json().path("components").path("malwareScanner")
                .path("status").asText()).isEqualTo("UP");
        Http.Response again = upload(clean);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(stored(clean)).isEqualTo(1);
    }
}
