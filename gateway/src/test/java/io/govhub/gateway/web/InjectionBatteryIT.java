package io.govhub.gateway.web;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.govhub.gateway.credit.CreditFixtures;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script and SQL injection in every text field: a guide's every text field (found by walking a published guide, so a
 * new field is covered without a new test) and a decision's free-text fields. Each value is either stored exactly as
 * sent or refused as invalid input (422 with the field), never a server error; on the public pages it is shown
 * escaped, never as markup; the statements it carries never run.
 */
class InjectionBatteryIT extends EmbeddedAppIT {

    /** Markup that would run if shown unescaped, and SQL that would break a statement built by concatenation. */
    static final String PAYLOAD = "<script>alert('govhub')</script><img src=x onerror=alert(1)>' OR '1'='1\"; DROP TABLE guide_item; --";
    private static final String CITY_BUREAU = "11371300MB28500257";
    /** Identity and scope fields: changing them is another item or another organisation, not text. */
    private static final Set<String> NOT_TEXT = Set.of("/implementationCode", "/basicCode", "/implementingBodyUscc");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode aGuide() {
        JsonNode page = http().get("/api/v1/guides?department=" + CITY_BUREAU + "&size=1").json();
        String code = page.path("items").get(0).path("implementationCode").asText();
        ObjectNode g = (ObjectNode) http().get("/api/v1/guides/" + code).json().path("guide").deepCopy();
        String basic = "98" + String.format("%03d", SEQ.incrementAndGet() % 1000) + (System.nanoTime() % 10) + "0000";
        g.put("basicCode", basic);
        g.put("implementationCode", CITY_BUREAU + "3" + basic);
        return g;
    }

    /** The JSON pointers of every text value in a guide. */
    private static List<String> textFields(JsonNode node, String at, List<String> out) {
        if (node.isTextual()) {
            out.add(at);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> textFields(e.getValue(), at + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                textFields(node.get(i), at + "/" + i, out);
            }
        }
        return out;
    }

    private static void set(ObjectNode root, String pointer, String value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        if (parent instanceof ObjectNode o) {
            o.set(p.last().getMatchingProperty(), TextNode.valueOf(value));
        } else if (parent instanceof ArrayNode a) {
            a.set(p.last().getMatchingIndex(), TextNode.valueOf(value));
        }
    }

    private Http.Response create(ObjectNode guide) throws Exception {
        return http().send("POST", "/api/v1/guide-items", "guide-editor", "application/json", json.writeValueAsBytes(guide));
    }

    @TestFactory
    Stream<DynamicTest> every_text_field_of_a_guide_is_stored_exactly_or_refused_never_run() {
        List<String> fields = textFields(aGuide(), "", new ArrayList<>()).stream().filter(f -> !NOT_TEXT.contains(f)).toList();
        assertThat(fields).as("the guide's text fields are found").hasSizeGreaterThan(10);
        return fields.stream().map(field -> DynamicTest.dynamicTest("guide " + field, () -> {
            ObjectNode g = aGuide();
            String value = g.at(field).asText() + PAYLOAD;
            set(g, field, value);
            Http.Response r = create(g);
            assertThat(r.status()).as(field + ": " + r.body()).isIn(201, 422);
            if (r.status() == 201) {
                JsonNode draft = http().get("/api/v1/guide-items/" + r.json().path("id").asLong(), "guide-editor").json();
                assertThat(draft.path("draft").at(field).asText()).as(field + " stored exactly").isEqualTo(value);
            } else {
                assertThat(r.body()).as(field).contains("\"field\"");
            }
        }));
    }

    @Test
    void a_published_guide_with_markup_in_its_text_is_shown_escaped() throws Exception {
        ObjectNode g = aGuide();
        g.put("name", "注入测试" + SEQ.incrementAndGet() + PAYLOAD);
        Http.Response created = create(g);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        String items = "/api/v1/guide-items/" + id;
        assertThat(send("POST", items + "/submit", "guide-editor", "\"0\"", null).status()).isEqualTo(200);
        Http.Response published = send("POST", items + "/publish", "guide-reviewer", "\"1\"", "{\"reason\":\"注入测试\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        String code = g.path("implementationCode").asText();
        Http.Response page = http().get("/guides/" + code);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;govhub&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(http().get("/api/v1/guides/" + code).json().path("guide").path("name").asText()).endsWith(PAYLOAD);
        // the statement in the text never ran: the table is there and still answers
        assertThat(http().get("/api/v1/guides?size=1").status()).isEqualTo(200);
        String search = http().get("/guides?q=" + URLEncoder.encode(PAYLOAD, StandardCharsets.UTF_8)).body();
        assertThat(search).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void markup_in_a_decisions_free_text_is_published_escaped() throws Exception {
        String doc = "临市监罚〔2026〕注入" + System.nanoTime() % 100000 + "号";
        Map<String, String> penalty = CreditFixtures.companyPenalty(doc, "0.5", "2026-11-20");
        for (String field : List.of("CF_WFXW", "CF_SY", "CF_YJ", "CF_XDR_MC")) {
            penalty.put(field, penalty.get(field) + PAYLOAD);
        }
        Http.Response r = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json",
                json.writeValueAsBytes(penalty));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode found = null;
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            found = http().get("/api/v1/credit/public?q=" + URLEncoder.encode(doc, StandardCharsets.UTF_8)).json();
            if (found.size() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(found).as("published").hasSize(1);
        assertThat(found.get(0).path("fields").path("CF_WFXW").asText()).endsWith(PAYLOAD);
        Http.Response page = http().get("/credit/" + found.get(0).path("id").asLong());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;").doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    private Http.Response send(String method, String path, String user, String ifMatch, String body) {
        var b = java.net.http.HttpRequest.newBuilder(http().uri(path)).header("Content-Type", "application/json")
                .header("If-Match", ifMatch).method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http().send(Http.auth(b, user));
    }
}
