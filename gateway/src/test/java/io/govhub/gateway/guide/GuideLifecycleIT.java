package io.govhub.gateway.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.gateway.security.LocalAccountStore;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Draft → review → published → new version → withdrawn, with the permissions and the lock at each step. */
class GuideLifecycleIT extends EmbeddedAppIT {

    private static final String CITY_BUREAU = "11371300MB28500257";
    private static final AtomicInteger SEQ = new AtomicInteger(900);
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    LocalAccountStore accounts;
    @Autowired
    PasswordEncoder encoder;

    /** A complete guide of the city bureau, from a demo guide, under a new implementation code. */
    private ObjectNode newGuide(String name) {
        JsonNode page = http().get("/api/v1/guides?department=" + CITY_BUREAU + "&size=1").json();
        String code = page.path("items").get(0).path("implementationCode").asText();
        ObjectNode g = (ObjectNode) http().get("/api/v1/guides/" + code).json().path("guide");
        String basic = "99000" + SEQ.incrementAndGet() + "0000";
        g.put("basicCode", basic);
        g.put("implementationCode", CITY_BUREAU + "3" + basic);
        g.put("name", name);
        return g;
    }

    private Http.Response call(String method, String path, String user, String etag, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http().uri(path)).header("Content-Type", "application/json");
        if (etag != null) {
            b.header("If-Match", etag);
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        return http().send(Http.auth(b, user));
    }

    private static Object reason(String r) {
        return java.util.Map.of("reason", r);
    }

    @Test
    void the_whole_life_cycle() {
        ObjectNode g = newGuide("测试事项：生命周期");
        Http.Response created = call("POST", "/api/v1/guide-items", "guide-editor", null, g);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().path("state").asText()).isEqualTo("DRAFT");
        assertThat(created.json().path("problems")).isEmpty();
        long id = created.json().path("id").asLong();
        String code = g.path("implementationCode").asText();
        String items = "/api/v1/guide-items/" + id;

        // not public yet (and this empty search answer is now in the shared cache)
        assertThat(http().get("/api/v1/guides/" + code).status()).isEqualTo(404);
        String search = "/api/v1/guides?q=%E7%94%9F%E5%91%BD%E5%91%A8%E6%9C%9F"; // 生命周期
        assertThat(http().get(search).json().path("total").asInt()).isZero();

        Http.Response submitted = call("POST", items + "/submit", "guide-editor", "\"0\"", null);
        assertThat(submitted.json().path("state").asText()).isEqualTo("IN_REVIEW");

        // an editor does not publish (refused at the door for the role); a stale lock is a conflict
        assertThat(call("POST", items + "/publish", "guide-editor", "\"1\"", reason("x")).code()).isEqualTo("ACCESS_DENIED");
        assertThat(call("POST", items + "/publish", "guide-reviewer", "\"0\"", reason("x")).code()).isEqualTo("GUIDE_CONFLICT");

        Http.Response published = call("POST", items + "/publish", "guide-reviewer", "\"1\"", reason("首次发布"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("publishedVersion").asInt()).isEqualTo(1);
        assertThat(http().get("/api/v1/guides/" + code).json().path("version").asInt()).isEqualTo(1);
        // the publication made the cached search answer out of date
        assertThat(http().get(search).json().path("total").asInt()).isEqualTo(1);

        // a new draft: the public keeps seeing version 1 meanwhile
        g.put("consultPhone", "0539-7654321");
        Http.Response edited = call("PUT", items, "guide-editor", "\"2\"", g);
        assertThat(edited.json().path("state").asText()).isEqualTo("DRAFT");
        assertThat(http().get("/api/v1/guides/" + code).json().path("guide").path("consultPhone").asText()).isEqualTo("0539-12345");

        // sent back with a reason, then resubmitted and published as version 2
        call("POST", items + "/submit", "guide-editor", "\"3\"", null);
        assertThat(call("POST", items + "/send-back", "guide-reviewer", "\"4\"", reason(" ")).code()).isEqualTo("GUIDE_INVALID");
        Http.Response back = call("POST", items + "/send-back", "guide-reviewer", "\"4\"", reason("请补充夜间咨询方式"));
        assertThat(back.json().path("state").asText()).isEqualTo("DRAFT");
        assertThat(back.json().path("reviewNote").asText()).isEqualTo("请补充夜间咨询方式");
        call("POST", items + "/submit", "guide-editor", "\"5\"", null);
        Http.Response v2 = call("POST", items + "/publish", "guide-reviewer", "\"6\"", reason("更新咨询电话"));
        assertThat(v2.json().path("publishedVersion").asInt()).isEqualTo(2);
        assertThat(http().get("/api/v1/guides/" + code).json().path("guide").path("consultPhone").asText()).isEqualTo("0539-7654321");

        // history and diff
        JsonNode versions = call("GET", items + "/versions", "guide-reviewer", null, null).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).path("publishedBy").asText()).isEqualTo("guide-reviewer");
        assertThat(versions.get(1).path("reason").asText()).isEqualTo("更新咨询电话");
        JsonNode diff = call("GET", items + "/diff?from=1&to=2", "guide-editor", null, null).json();
        assertThat(diff.toString()).isEqualTo("[{\"field\":\"consultPhone\",\"before\":\"0539-12345\",\"after\":\"0539-7654321\"}]");

        // withdrawn: gone from the public catalog
        Http.Response withdrawn = call("POST", items + "/withdraw", "guide-reviewer", "\"7\"", reason("事项取消"));
        assertThat(withdrawn.json().path("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(http().get("/api/v1/guides/" + code).status()).isEqualTo(404);
        assertThat(http().get(search).json().path("total").asInt()).isZero();

        String audit = http().get("/api/v1/audit?limit=200", "admin").body();
        assertThat(audit).contains("GUIDE_PUBLISHED").contains("GUIDE_SENT_BACK").contains("GUIDE_WITHDRAWN");
    }

    @Test
    void an_incomplete_draft_is_saved_but_cannot_be_submitted() {
        ObjectNode g = newGuide("测试事项：不完整");
        g.remove("legalBasis");
        g.remove("materials");
        Http.Response created = call("POST", "/api/v1/guide-items", "guide-editor", null, g);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("problems").findValuesAsText("field")).contains("legalBasis", "materials");
        Http.Response submit = call("POST", "/api/v1/guide-items/" + created.json().path("id").asLong() + "/submit",
                "guide-editor", "\"0\"", null);
        assertThat(submit.status()).isEqualTo(422);
        assertThat(submit.code()).isEqualTo("GUIDE_INVALID");
        assertThat(submit.json().path("errors").findValuesAsText("field")).contains("legalBasis", "materials");
    }

    @Test
    void concurrent_edits_are_detected_not_overwritten() {
        Http.Response created = call("POST", "/api/v1/guide-items", "guide-editor", null, newGuide("测试事项：并发"));
        String item = "/api/v1/guide-items/" + created.json().path("id").asLong();
        ObjectNode mine = newGuide("测试事项：并发");
        mine.put("implementationCode", created.json().path("implementationCode").asText());
        mine.put("basicCode", created.json().path("draft").path("basicCode").asText());
        mine.put("hours", "我的修改");
        ObjectNode theirs = mine.deepCopy().put("hours", "他的修改");
        assertThat(call("PUT", item, "guide-editor", "\"0\"", mine).status()).isEqualTo(200);
        Http.Response lost = call("PUT", item, "guide-editor", "\"0\"", theirs);
        assertThat(lost.status()).isEqualTo(409);
        assertThat(lost.code()).isEqualTo("GUIDE_CONFLICT");
        assertThat(lost.json().path("detail").asText()).contains("已被他人修改");
        assertThat(call("GET", item, "guide-editor", null, null).json().path("draft").path("hours").asText()).isEqualTo("我的修改");
        assertThat(call("PUT", item, "guide-editor", null, theirs).code()).isEqualTo("REQUEST_PARAMETER_MISSING");
    }

    @Test
    void permissions() {
        ObjectNode g = newGuide("测试事项：权限");
        // a role that does not edit guides: refused at the door
        assertThat(call("POST", "/api/v1/guide-items", "clerk-lanshan", null, g).code()).isEqualTo("ACCESS_DENIED");
        // an editor drafts for their own organisation only
        ObjectNode other = g.deepCopy();
        other.put("implementingBodyUscc", "11371302MB28601000");
        other.put("implementationCode", "11371302MB286010004" + g.path("basicCode").asText());
        assertThat(call("POST", "/api/v1/guide-items", "guide-editor", null, other).code()).isEqualTo("GUIDE_FORBIDDEN");
        assertThat(http().send("POST", "/api/v1/guide-items", null, "application/json",
                g.toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        // the same implementation code twice
        assertThat(call("POST", "/api/v1/guide-items", "guide-editor", null, g).status()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/guide-items", "guide-editor", null, g).code()).isEqualTo("GUIDE_DUPLICATE");
    }

    @Test
    void nobody_publishes_what_they_submitted() {
        if (!accounts.exists("editor-reviewer")) {
            accounts.create(new Actor("editor-reviewer", "编辑兼审核（测试）", Set.of(Role.GUIDE_EDITOR, Role.GUIDE_REVIEWER),
                    "371300", CITY_BUREAU), encoder.encode("demo123"), false);
        }
        Http.Response created = call("POST", "/api/v1/guide-items", "editor-reviewer", null, newGuide("测试事项：自审"));
        String item = "/api/v1/guide-items/" + created.json().path("id").asLong();
        call("POST", item + "/submit", "editor-reviewer", "\"0\"", null);
        Http.Response own = call("POST", item + "/publish", "editor-reviewer", "\"1\"", reason("自己发布"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("GUIDE_FORBIDDEN");
        assertThat(call("POST", item + "/publish", "guide-reviewer", "\"1\"", reason("他人审核")).status()).isEqualTo(200);
    }
}
