package io.govhub.gateway.ui;

import io.govhub.gateway.support.EmbeddedAppIT;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-rendered pages, through a real HTTP client with cookies, as a browser would use them. */
class WebUiIT extends EmbeddedAppIT {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("csrf token in form").isTrue();
        return m.group(1);
    }

    private void signIn(String user) throws Exception {
        String token = csrf(get("/login").body());
        HttpResponse<String> r = postForm("/login", "username=" + user + "&password=demo123&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @org.springframework.beans.factory.annotation.Autowired
    redis.clients.jedis.JedisPooled redis;

    @Test
    void the_session_of_a_signed_in_user_lives_in_redis_for_every_node() throws Exception {
        signIn("clerk-lanshan");
        java.net.HttpCookie cookie = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow();
        assertThat(cookie.isHttpOnly()).isTrue();
        String id = new String(java.util.Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        assertThat(redis.exists("govhub:session:sessions:" + id)).isTrue();
        assertThat(redis.ttl("govhub:session:sessions:" + id)).isPositive();
    }

    @Test
    void index_lists_counties_and_their_bureaus() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("临沂市政务服务集成平台", "兰山区", "费县行政审批服务局", "临沂高新技术产业开发区", "市财政局");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void calculator_computes_a_deadline_across_national_day() throws Exception {
        String body = get("/calculator?start=2024-09-27&workingDays=7").body();
        assertThat(body).contains("id=\"deadline-result\"").contains("2024-10-12").contains("星期六");
    }

    @Test
    void calculator_says_when_a_year_has_no_notice() throws Exception {
        String body = get("/calculator?start=2028-03-01&workingDays=5").body();
        assertThat(body).contains("id=\"deadline-error\"").contains("2028 年尚无国务院节假日安排数据");
    }

    @Test
    void calculator_explains_a_malformed_date() throws Exception {
        String body = get("/calculator?start=2024-13-01&workingDays=5").body();
        assertThat(body).contains("id=\"deadline-error\"").contains("格式应为");
    }

    @Test
    void calendar_page_marks_holidays_and_adjusted_working_days() throws Exception {
        String body = get("/calendar/2024").body();
        assertThat(body).contains("class=\"adjusted\" title=\"国庆节\">12<").contains("class=\"holiday\" title=\"国庆节\">1<");
        assertThat(get("/calendar/2028").body()).contains("id=\"year-unknown\"");
    }

    @Test
    void unknown_division_page_is_a_chinese_404() throws Exception {
        HttpResponse<String> r = get("/divisions/371399");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("行政区划代码 371399 不存在").contains("DIVISION_NOT_FOUND");
    }

    @Test
    void a_clerk_signs_in_and_sees_name_and_county() throws Exception {
        signIn("clerk-lanshan");
        String home = get("/").body();
        assertThat(home).contains("兰山区窗口人员").contains("371302").contains("退出");
        assertThat(home).doesNotContain("系统管理</a>");
        assertThat(get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void an_administrator_sees_the_audit_log_with_the_sign_in() throws Exception {
        signIn("admin");
        HttpResponse<String> admin = get("/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("审计日志").contains("SIGN_IN");
    }

    @Test
    void wrong_password_is_refused_and_audited() throws Exception {
        String token = csrf(get("/login").body());
        HttpResponse<String> r = postForm("/login", "username=admin&password=wrong&_csrf=" + URLEncoder.encode(token,
                StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(get("/login?error").body()).contains("用户名或密码错误");
        assertThat(http().get("/api/v1/audit?limit=100", "admin").body()).contains("SIGN_IN_FAILED");
    }

    @Test
    void sign_in_without_csrf_token_is_refused() throws Exception {
        get("/login");
        HttpResponse<String> r = postForm("/login", "username=admin&password=demo123");
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void the_public_credit_page_masks_natural_persons() throws Exception {
        String doc = "临市监罚〔2026〕页" + System.nanoTime() % 100000 + "号";
        String penalty = """
                {"CF_XDR_MC":"王建国","CF_XDR_LB":"自然人","CF_XDR_ZJLX":"身份证","CF_XDR_ZJHM":"371302199001010011",
                 "CF_WSH":"%s","CF_WFXW":"无照经营","CF_SY":"联系电话13812345678","CF_YJ":"《无证无照经营查处办法》第十三条",
                 "CF_CFLB":"罚款","CF_NR":"罚款","CF_NR_FK":"0.1","CF_JDRQ":"2026-11-20","CF_CFJG":"临沂市市场监督管理局",
                 "CF_CFJGDM":"11371300MB28500332","CF_SJLY":"临沂市市场监督管理局","CF_SJLYDM":"11371300MB28500332"}"""
                .formatted(doc);
        String location = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json",
                penalty.getBytes(StandardCharsets.UTF_8)).header("Location");
        for (int i = 0; i < 100 && http().get(location, "credit-officer").body().contains("RECEIVED"); i++) {
            Thread.sleep(100);
        }
        HttpResponse<String> page = get("/credit?q=" + URLEncoder.encode(doc, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"credit-records\"").contains(doc).contains("王**").contains("无照经营")
                .doesNotContain("王建国").doesNotContain("371302199001010011").doesNotContain("13812345678");
        assertThat(get("/credit?q=" + URLEncoder.encode("没有这个文书号", StandardCharsets.UTF_8)).body()).contains("id=\"no-records\"");
    }
}
