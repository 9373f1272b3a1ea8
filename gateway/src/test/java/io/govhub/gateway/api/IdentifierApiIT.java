package io.govhub.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierApiIT extends EmbeddedAppIT {

    private JsonNode validate(String kind, String value) {
        Http.Response r = http().postJson("/api/v1/identifiers/validate",
                "{\"kind\":\"" + kind + "\",\"value\":\"" + value + "\"}");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    @Test
    void valid_code_is_normalised() {
        JsonNode r = validate("uscc", " 91350100m000100y43 ");
        assertThat(r.path("valid").asBoolean()).isTrue();
        assertThat(r.path("normalised").asText()).isEqualTo("91350100M000100Y43");
        assertThat(r.path("errors")).isEmpty();
    }

    @Test
    void government_code_with_failing_org_code_is_accepted_with_a_warning() {
        JsonNode r = validate("uscc", "11370000004281409J");
        assertThat(r.path("valid").asBoolean()).isTrue();
        assertThat(r.path("warnings").get(0).path("code").asText()).isEqualTo("USCC_ORG_CODE_CHECKSUM");
    }

    @Test
    void invalid_id_says_why() {
        JsonNode r = validate("id", "371302199002300011");
        assertThat(r.path("valid").asBoolean()).isFalse();
        assertThat(r.path("errors").get(0).path("code").asText()).isEqualTo("IDENTIFIER_BIRTH_DATE");
        assertThat(r.path("errors").get(0).path("message").asText()).contains("1990-02-30");
        assertThat(validate("org", "MA1FL0LY8").path("errors").get(0).path("code").asText())
                .isEqualTo("IDENTIFIER_CHECKSUM");
    }

    @Test
    void unknown_kind_is_a_400_with_the_field() {
        Http.Response r = http().postJson("/api/v1/identifiers/validate", "{\"kind\":\"passport\",\"value\":\"E123\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("IDENTIFIER_KIND_UNKNOWN");
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("kind");
    }
}
