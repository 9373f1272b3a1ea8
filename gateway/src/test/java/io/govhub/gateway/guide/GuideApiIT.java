package io.govhub.gateway.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public catalog API over the demo catalog of the embedded mode. */
class GuideApiIT extends EmbeddedAppIT {

    @org.springframework.beans.factory.annotation.Autowired
    redis.clients.jedis.JedisPooled jedis;

    private static final String FEIXIAN_LICENCE_PREFIX = "11371325MB2860178A4";

    private List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("name").asText()));
        return out;
    }

    @Test
    void chinese_substring_search_finds_the_licence_in_every_county() {
        JsonNode all = http().get("/api/v1/guides?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7").json(); // 营业执照
        assertThat(all.path("total").asInt()).isEqualTo(4);
        assertThat(names(all)).allMatch(n -> n.contains("个体工商户营业执照核发"));
        JsonNode lanshan = http().get("/api/v1/guides?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7&division=371302").json();
        assertThat(lanshan.path("total").asInt()).isEqualTo(1);
        assertThat(lanshan.path("items").get(0).path("organisationName").asText()).isEqualTo("兰山区行政审批服务局");
    }

    @Test
    void a_county_sees_city_services_too_and_type_filters() {
        // public services (type 20) of the city are available in 兰山区
        JsonNode p = http().get("/api/v1/guides?division=371302&type=20").json();
        assertThat(names(p)).contains("个人社会保险参保缴费记录查询", "就业创业证申领").hasSize(3);
        // the 38 demo guides, and any a lifecycle test of this run published meanwhile
        assertThat(http().get("/api/v1/guides?size=100").json().path("total").asInt()).isGreaterThanOrEqualTo(38);
        assertThat(http().get("/api/v1/guides?size=5&page=1").json().path("items").size()).isEqualTo(5);
    }

    @Test
    void search_by_department_and_by_code() {
        JsonNode hrss = http().get("/api/v1/guides?department=11371300MB2850076F").json();
        assertThat(hrss.path("total").asInt()).isEqualTo(5);
        JsonNode byCode = http().get("/api/v1/guides?q=" + FEIXIAN_LICENCE_PREFIX).json();
        assertThat(byCode.path("total").asInt()).isEqualTo(4);
    }

    @Test
    void one_guide_as_json() {
        String code = http().get("/api/v1/guides?q=%E5%B1%85%E6%B0%91%E8%BA%AB%E4%BB%BD%E8%AF%81").json() // 居民身份证
                .path("items").get(0).path("implementationCode").asText();
        Http.Response r = http().get("/api/v1/guides/" + code);
        assertThat(r.body()).contains("\"amountYuan\":20.00");
        JsonNode g = r.json();
        assertThat(g.path("version").asInt()).isEqualTo(1);
        assertThat(g.path("guide").path("name").asText()).isEqualTo("居民身份证申领（首次）");
        assertThat(g.path("guide").path("charged").asBoolean()).isTrue();
        assertThat(g.path("typeLabel").asText()).isEqualTo("行政确认");
    }

    @Test
    void lookups_are_served_through_the_shared_redis_cache() {
        String code = http().get("/api/v1/guides?q=%E5%B7%A5%E4%BC%A4%E8%AE%A4%E5%AE%9A").json() // 工伤认定
                .path("items").get(0).path("implementationCode").asText();
        jedis.del("govhub:cache:guide:" + code);
        assertThat(http().get("/api/v1/guides/" + code).status()).isEqualTo(200);
        String cached = jedis.get("govhub:cache:guide:" + code);
        assertThat(cached).contains("工伤认定");
        assertThat(jedis.ttl("govhub:cache:guide:" + code)).isBetween(1L, 600L);
    }

    @Test
    void one_guide_as_cpsv_ap_turtle_and_json_ld() throws Exception {
        String code = http().get("/api/v1/guides?size=1").json().path("items").get(0).path("implementationCode").asText();
        Http.Response ttl = http().send(HttpRequest.newBuilder(http().uri("/api/v1/guides/" + code))
                .header("Accept", "text/turtle").GET());
        assertThat(ttl.status()).isEqualTo(200);
        assertThat(ttl.contentType()).startsWith("text/turtle");
        assertThat(ttl.body()).contains("cpsv:PublicService").contains(code);
        Http.Response ld = http().send(HttpRequest.newBuilder(http().uri("/api/v1/guides/" + code))
                .header("Accept", "application/ld+json").GET());
        assertThat(ld.contentType()).startsWith("application/ld+json");
        assertThat(new ObjectMapper().readTree(ld.body()).toString()).contains("PublicService");
    }

    @Test
    void the_whole_catalog_as_turtle() {
        Http.Response r = http().get("/api/v1/guides/catalog.ttl");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("dcat:Dataset").contains("dct:hasPart");
        int total = http().get("/api/v1/guides?size=1").json().path("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(38);
        assertThat(r.body().split("a\\s+cpsv:PublicService", -1).length - 1).isEqualTo(total);
    }

    @Test
    void unknown_guide_and_bad_parameters() {
        Http.Response missing = http().get("/api/v1/guides/11371300MB285002573999999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("GUIDE_NOT_FOUND");
        assertThat(http().get("/api/v1/guides?type=99").code()).isEqualTo("REQUEST_PARAMETER_INVALID");
        assertThat(http().get("/api/v1/guides?division=abc").code()).isEqualTo("DIVISION_CODE_MALFORMED");
        assertThat(http().get("/api/v1/guides?division=371399").code()).isEqualTo("DIVISION_NOT_FOUND");
        assertThat(http().get("/api/v1/guides?size=1000").code()).isEqualTo("REQUEST_PARAMETER_INVALID");
        assertThat(http().get("/api/v1/guides?q=%25%27%3B--").json().path("total").asInt()).as("no injection").isZero();
    }
}
