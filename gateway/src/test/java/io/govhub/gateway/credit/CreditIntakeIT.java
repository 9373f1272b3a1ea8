package io.govhub.gateway.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST intake of penalty decisions through the broker: receipt at once, every record's outcome by submission id,
 * duplicates and updates, and a public view with no personal data in clear.
 */
class CreditIntakeIT extends EmbeddedAppIT {

    private static final String MARKET = "11371300MB28500332";
    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode penalty(String docNo, String fine) {
        ObjectNode n = json.createObjectNode();
        n.put("CF_XDR_MC", "李四光");
        n.put("CF_XDR_LB", "自然人");
        n.put("CF_XDR_ZJLX", "身份证");
        n.put("CF_XDR_ZJHM", "37130219900101002X");
        n.put("CF_WSH", docNo);
        n.put("CF_WFXW", "无证经营");
        n.put("CF_SY", "当事人未取得许可从事食品经营，电话 13912345678");
        n.put("CF_YJ", "《中华人民共和国食品安全法》第一百二十二条");
        n.put("CF_CFLB", "罚款");
        n.put("CF_NR", "罚款");
        n.put("CF_NR_FK", fine);
        n.put("CF_JDRQ", "2026-11-20");
        n.put("CF_CFJG", "临沂市市场监督管理局");
        n.put("CF_CFJGDM", MARKET);
        n.put("CF_SJLY", "临沂市市场监督管理局");
        n.put("CF_SJLYDM", MARKET);
        return n;
    }

    private Http.Response post(String user, Object body) {
        return http().send("POST", "/api/v1/credit/penalties", user, "application/json",
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Waits (bounded) until no record of the submission is still RECEIVED. */
    private JsonNode processed(Http.Response receipt) throws InterruptedException {
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String location = receipt.header("Location");
        for (int i = 0; i < 300; i++) {
            JsonNode s = http().get(location, "credit-officer").json();
            if (!s.path("counts").has("RECEIVED")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not processed");
    }

    @Test
    void good_and_bad_records_then_duplicate_then_update() throws Exception {
        String doc = "临市监罚〔2026〕" + System.nanoTime() % 100000 + "号";
        ArrayNode batch = json.createArrayNode();
        batch.add(penalty(doc, "0.5"));
        ObjectNode bad = penalty(doc + "-bad", "-3");
        bad.remove("CF_YJ");
        batch.add(bad);
        Http.Response receipt = post("credit-officer", batch);
        assertThat(receipt.json().path("records").asInt()).isEqualTo(2);
        JsonNode s = processed(receipt);
        assertThat(s.path("items").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(s.path("items").get(1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(s.path("items").get(1).path("problems").findValuesAsText("field")).contains("CF_YJ", "CF_NR_FK");

        assertThat(processed(post("credit-officer", penalty(doc, "0.5"))).path("items").get(0).path("status").asText())
                .isEqualTo("DUPLICATE");
        assertThat(processed(post("credit-officer", penalty(doc, "0.8"))).path("items").get(0).path("status").asText())
                .isEqualTo("UPDATED");

        JsonNode found = http().get("/api/v1/credit/public?q=" + java.net.URLEncoder.encode(doc, StandardCharsets.UTF_8)).json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("subject").asText()).isEqualTo("李**");
        assertThat(found.get(0).path("fields").path("CF_NR_FK").asText()).isEqualTo("0.800000");
    }

    @Test
    void no_public_response_carries_personal_data_in_clear() throws Exception {
        processed(post("credit-officer", penalty("临市监罚〔2026〕公开" + System.nanoTime() % 100000 + "号", "1")));
        String all = http().get("/api/v1/credit/public?size=100").body();
        assertThat(all).contains("CF_XDR_ZJHM");
        assertThat(ID.matcher(all).find()).as("unmasked ID number in %s", all).isFalse();
        assertThat(MOBILE.matcher(all).find()).as("unmasked mobile number").isFalse();
        assertThat(all).doesNotContain("李四光");
    }

    @Test
    void an_officer_submits_their_own_organisations_decisions_only() throws Exception {
        ObjectNode other = penalty("临审批罚〔2026〕" + System.nanoTime() % 100000 + "号", "1");
        other.put("CF_CFJGDM", "11371300MB28500257");
        JsonNode s = processed(post("credit-officer", other));
        assertThat(s.path("items").get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(s.path("items").get(0).path("problems").get(0).path("code").asText()).isEqualTo("CREDIT_NOT_OWN_DECISION");
    }

    @Test
    void who_may_submit_and_read() {
        assertThat(post("clerk-lanshan", penalty("x", "1")).status()).isEqualTo(403);
        assertThat(http().send("POST", "/api/v1/credit/penalties", null, "application/json",
                penalty("x", "1").toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        String location = post("credit-officer", penalty("临市监罚〔2026〕读" + System.nanoTime() % 100000 + "号", "1"))
                .header("Location");
        assertThat(http().get(location, "clerk-feixian").status()).isEqualTo(403);
        assertThat(http().get(location, "supervisor").status()).isEqualTo(200);
        assertThat(http().get("/api/v1/credit/submissions/not-a-uuid", "credit-officer").code()).isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void malformed_bodies() {
        assertThat(post("credit-officer", "\"just a string\"").code()).isEqualTo("REQUEST_MALFORMED");
        assertThat(post("credit-officer", "[{\"CF_XDR_MC\":{\"nested\":1}}]").code()).isEqualTo("REQUEST_FIELD_INVALID");
        assertThat(post("credit-officer", "[]").code()).isEqualTo("REQUEST_FIELD_INVALID");
    }
}
