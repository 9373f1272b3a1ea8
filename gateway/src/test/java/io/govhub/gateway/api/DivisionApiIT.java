package io.govhub.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DivisionApiIT extends EmbeddedAppIT {

    @Test
    void a_county_with_its_parent() {
        Http.Response r = http().get("/api/v1/divisions/371325");
        assertThat(r.status()).isEqualTo(200);
        JsonNode d = r.json();
        assertThat(d.path("name").asText()).isEqualTo("费县");
        assertThat(d.path("level").asText()).isEqualTo("COUNTY");
        assertThat(d.path("parent").path("code").asText()).isEqualTo("371300");
        assertThat(d.path("parent").path("name").asText()).isEqualTo("临沂市");
        assertThat(d.path("children")).isEmpty();
    }

    @Test
    void the_city_with_its_counties_and_zones() {
        JsonNode d = http().get("/api/v1/divisions/371300").json();
        List<String> children = new ArrayList<>();
        d.path("children").forEach(c -> children.add(c.path("code").asText() + (c.path("zone").asBoolean() ? "z" : "")));
        assertThat(children).hasSize(15).contains("371302", "371325", "371371z", "371372z", "371373z");
        assertThat(d.path("parent").path("name").asText()).isEqualTo("山东省");
    }

    @Test
    void unknown_and_malformed_codes() {
        Http.Response unknown = http().get("/api/v1/divisions/371399");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.code()).isEqualTo("DIVISION_NOT_FOUND");
        assertThat(unknown.json().path("detail").asText()).contains("371399").contains("不存在");

        Http.Response malformed = http().get("/api/v1/divisions/37130");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("DIVISION_CODE_MALFORMED");
    }

    @Test
    void organisations_of_a_county() {
        Http.Response r = http().get("/api/v1/organisations?division=371302");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(1);
        assertThat(r.json().get(0).path("name").asText()).isEqualTo("兰山区行政审批服务局");
        assertThat(r.json().get(0).path("uscc").asText()).isEqualTo("11371302MB28601000");
        assertThat(http().get("/api/v1/organisations").json().size()).isEqualTo(26);
        assertThat(http().get("/api/v1/organisations?division=371399").code()).isEqualTo("DIVISION_NOT_FOUND");
        assertThat(http().get("/api/v1/organisations/11371300MB28500257").json().path("shortName").asText())
                .isEqualTo("市行政审批服务局");
        assertThat(http().get("/api/v1/organisations/91350100M000100Y43").code()).isEqualTo("ORGANISATION_NOT_FOUND");
    }
}
