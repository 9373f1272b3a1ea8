package io.govhub.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.PartnerTlsFixture;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mutual TLS for partner systems, with certificates the test makes (a partner CA, govhub's server certificate, client
 * certificates): on the partner port a client certificate of the trusted CA signs a registered partner in as itself;
 * no certificate, or one of another CA, gets no connection; a trusted certificate naming anything but a registered
 * partner (a staff account's name included) gets 401.
 */
class MutualTlsIT extends EmbeddedAppIT {

    private final PartnerTlsFixture tls = PartnerTlsFixture.get();

    private HttpResponse<String> get(Path clientKeyStore, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls.context(clientKeyStore)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_partner_with_a_certificate_of_the_trusted_ca_acts_as_itself() throws Exception {
        HttpResponse<String> me = get(tls.client("sim-ly-market"), "/api/v1/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode m = new ObjectMapper().readTree(me.body());
        assertThat(m.path("username").asText()).isEqualTo("sim-ly-market");
        assertThat(m.path("roles").toString()).isEqualTo("[\"PARTNER_SYSTEM\"]");
        assertThat(m.path("organisationUscc").asText()).isEqualTo("11371300MB28500332");
        // a partner, not an administrator
        assertThat(get(tls.client("sim-ly-market"), "/api/v1/admin/partners").statusCode()).isEqualTo(403);
    }

    @Test
    void without_a_client_certificate_there_is_no_connection() {
        assertThatThrownBy(() -> get(null, "/api/v1/me")).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void a_certificate_of_another_ca_gets_no_connection() {
        assertThatThrownBy(() -> get(tls.untrustedClient("sim-ly-market"), "/api/v1/me"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void a_trusted_certificate_naming_a_staff_account_or_an_unknown_system_is_401() throws Exception {
        for (String cn : new String[]{"admin", "clerk-lanshan", "no-such-partner"}) {
            HttpResponse<String> r = get(tls.client(cn), "/api/v1/me");
            assertThat(r.statusCode()).as(cn).isEqualTo(401);
            assertThat(r.body()).contains("AUTHENTICATION_REQUIRED");
        }
    }

    @Test
    void the_plain_port_still_takes_passwords() throws Exception {
        assertThat(http().get("/api/v1/me", "sim-ly-market").status()).isEqualTo(200);
    }
}
