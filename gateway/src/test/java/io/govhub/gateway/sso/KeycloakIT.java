package io.govhub.gateway.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.gateway.GovhubApplication;
import io.govhub.gateway.embedded.SharedServices;
import io.govhub.gateway.support.ApiRoutes;
import io.govhub.gateway.support.KeycloakServer;
import io.govhub.gateway.support.TokenMint;
import io.govhub.gateway.security.EndpointRoles;
import io.govhub.core.access.Role;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Date;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real Keycloak. In a browser (Debian chromium): a clerk opens the hall, signs in on
 * Keycloak's login page, lands in the hall with their name and county, and signs out, which ends the Keycloak session
 * too. For the API (govhub's realm imported): govhub started with
 * {@code govhub.oidc.issuer} takes the realm's bearer tokens, maps realm roles and the division / organisation claims
 * to its actor, binds a partner's client to its partner id, and refuses tokens that are missing, tampered with, from
 * another issuer, or for another audience — and local passwords.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

    private static final Path DIR = Path.of("target/it-data/sso-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static KeycloakServer keycloak;
    private static TokenMint mint;
    private static SharedServices services;
    private static ConfigurableApplicationContext app;
    private static int appPort;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        try (var s = new java.net.ServerSocket(0)) {
            appPort = s.getLocalPort();
        }
        mint = new TokenMint();
        keycloak = KeycloakServer.start(DIR, appPort, mint);
        mint.connect(keycloak.issuer());
        services = SharedServices.start(DIR);
        List<String> args = new ArrayList<>(List.of("--server.port=" + appPort, "--govhub.data-dir=" + DIR.resolve("app-data"),
                "--spring.jmx.enabled=false", "--govhub.security.demo-accounts=true", "--govhub.demo.simulators=false",
                "--govhub.oidc.issuer=" + keycloak.issuer(), "--govhub.oidc.client-secret=govhub-web-demo-secret"));
        args.addAll(services.nodeArguments());
        app = new SpringApplicationBuilder(GovhubApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (services != null) {
            services.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(b.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String token(String realm, String... params) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/" + realm
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static String userToken(String user) throws Exception {
        return token("govhub", "grant_type", "password", "client_id", "govhub-cli", "username", user, "password", "demo123");
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void in_a_browser_a_clerk_signs_in_at_keycloak_and_out_again() throws Exception {
        org.openqa.selenium.WebDriver driver = io.govhub.gateway.support.Browser.start();
        try {
            String app = "http://127.0.0.1:" + appPort;
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20));
            driver.get(app + "/hall");
            // Keycloak's own login page
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    org.openqa.selenium.By.id("kc-login")));
            assertThat(driver.getCurrentUrl()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                    .contains("code_challenge=");
            driver.findElement(org.openqa.selenium.By.id("username")).sendKeys("clerk-lanshan");
            driver.findElement(org.openqa.selenium.By.id("password")).sendKeys("demo123");
            driver.findElement(org.openqa.selenium.By.id("kc-login")).click();
            // back in the hall, signed in as the clerk of 兰山区
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains(app + "/hall"));
            String account = driver.findElement(org.openqa.selenium.By.cssSelector(".account")).getText();
            assertThat(account).contains("兰山区窗口人员").contains("371302");
            io.govhub.gateway.support.Browser.screenshot(driver, "keycloak-signed-in");
            // the sign-in is in the hub's audit log, with how it was made
            JsonNode audit = JSON.readTree(get("/api/v1/audit?limit=200", "Bearer " + userToken("admin")).body());
            assertThat(audit.findParents("event").stream().anyMatch(a -> a.path("event").asText().equals("SIGN_IN")
                    && a.path("user").asText().equals("clerk-lanshan")
                    && a.path("reason").asText().equals("single sign-on (Keycloak)"))).as(audit.toString()).isTrue();
            // signing out ends the Keycloak session as well: the hall asks for Keycloak's login again
            driver.findElement(org.openqa.selenium.By.cssSelector(".account form button")).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("signedOut"));
            driver.get(app + "/hall");
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    org.openqa.selenium.By.id("kc-login")));
        } finally {
            io.govhub.gateway.support.Browser.quit(driver);
        }
    }

    @Test
    void a_clerk_signed_in_at_keycloak_acts_for_their_county() throws Exception {
        HttpResponse<String> me = get("/api/v1/me", "Bearer " + userToken("clerk-lanshan"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode m = JSON.readTree(me.body());
        assertThat(m.path("username").asText()).isEqualTo("clerk-lanshan");
        assertThat(m.path("displayName").asText()).isEqualTo("兰山区窗口人员");
        assertThat(m.path("roles").toString()).isEqualTo("[\"HALL_CLERK\"]");
        assertThat(m.path("divisionCode").asText()).isEqualTo("371302");
        assertThat(m.path("organisationUscc").asText()).isEqualTo("11371302MB28601000");
        // a role it lacks
        assertThat(get("/api/v1/admin/partners", "Bearer " + userToken("clerk-lanshan")).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/admin/partners", "Bearer " + userToken("admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_partner_system_authenticates_as_a_client_and_acts_as_itself() throws Exception {
        String t = token("govhub", "grant_type", "client_credentials", "client_id", "sim-ly-market",
                "client_secret", "sim-ly-market-demo-secret");
        JsonNode m = JSON.readTree(get("/api/v1/me", "Bearer " + t).body());
        assertThat(m.path("username").asText()).isEqualTo("sim-ly-market");
        assertThat(m.path("roles").toString()).isEqualTo("[\"PARTNER_SYSTEM\"]");
        assertThat(m.path("organisationUscc").asText()).isEqualTo("11371300MB28500332");
        // a wrong client secret gets no token at all
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.issuer()
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("grant_type", "client_credentials", "client_id",
                        "sim-ly-market", "client_secret", "wrong"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void soap_callers_send_the_same_bearer_token_over_http() throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:c=\""
                + "http://govhub.io/ws/cases/v1\"><soap:Body><c:getCase><c:caseNumber>NO-SUCH-CASE</c:caseNumber>"
                + "</c:getCase></soap:Body></soap:Envelope>";
        String t = token("govhub", "grant_type", "client_credentials", "client_id", "sim-sd-province",
                "client_secret", "sim-sd-province-demo-secret");
        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + "/services/cases"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"http://govhub.io/ws/cases/v1/getCase\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        assertThat(HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> r = HTTP.send(call.header("Authorization", "Bearer " + t).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // through the door: the answer is the service's own (a fault for an unknown case), not 401
        assertThat(r.statusCode()).as(r.body()).isEqualTo(500);
        assertThat(r.body()).contains("CASE_NOT_FOUND");
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // stops Keycloak: the last test of the class
    void valid_tokens_still_work_while_keycloak_is_unreachable() throws Exception {
        String t = userToken("clerk-lanshan");
        assertThat(get("/api/v1/me", "Bearer " + t).statusCode()).isEqualTo(200); // the realm's keys are fetched now
        keycloak.close();
        // Keycloak is gone: the token is still checked with the cached keys
        HttpResponse<String> me = get("/api/v1/me", "Bearer " + t);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("divisionCode").asText()).isEqualTo("371302");
    }

    @Test
    void no_token_is_401_with_a_bearer_challenge() throws Exception {
        HttpResponse<String> r = get("/api/v1/me", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void local_passwords_are_refused_once_single_sign_on_is_on() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:demo123".getBytes(StandardCharsets.UTF_8));
        assertThat(get("/api/v1/me", basic).statusCode()).isEqualTo(401);
    }

    @Test
    void a_tampered_token_is_401() throws Exception {
        String t = userToken("clerk-lanshan");
        String[] parts = t.split("\\.");
        // the payload changed to another county, the signature kept
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("371302", "371325");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(get("/api/v1/me", "Bearer " + forged).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", "Bearer not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_of_another_issuer_is_401() throws Exception {
        // Keycloak's own master realm: a valid token, signed by that server, but not govhub's issuer or audience
        String master = token("master", "grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", keycloak.adminPassword());
        assertThat(get("/api/v1/me", "Bearer " + master).statusCode()).isEqualTo(401);
    }

    // ---- the battery with tokens: every API endpoint and SOAP operation, one small test per token variant ----

    /** Endpoints any signed-in account may use, whatever its roles: its own account. */
    private static final List<String> ANY_ACCOUNT = List.of("GET /api/v1/me");

    private static final List<String> ADMIN = List.of("ADMIN");

    /** Token variants that must be refused with 401, each a valid token changed in one respect. */
    private static Map<String, java.util.concurrent.Callable<String>> refusedTokens() {
        Instant now = Instant.now();
        return new LinkedHashMap<>(Map.of(
                "expired", () -> mint.variant("admin", ADMIN, null, null, b -> b.issueTime(Date.from(now.minusSeconds(900)))
                        .notBeforeTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(600)))),
                "signed by another key", () -> mint.signWithAnotherKey(mint.valid("admin", ADMIN, null, null)),
                "unsigned (alg none)", () -> mint.unsigned(mint.valid("admin", ADMIN, null, null)),
                "another issuer", () -> mint.variant("admin", ADMIN, null, null, b -> b.issuer(keycloak.baseUrl() + "/realms/master")),
                "another audience", () -> mint.variant("admin", ADMIN, null, null, b -> b.audience(List.of("account"))),
                "not yet valid", () -> mint.variant("admin", ADMIN, null, null, b -> b.notBeforeTime(Date.from(now.plusSeconds(600)))
                        .issueTime(Date.from(now.plusSeconds(600))).expirationTime(Date.from(now.plusSeconds(900))))));
    }

    private static String base() {
        return "http://127.0.0.1:" + appPort;
    }

    private static List<String> protectedRoutes() {
        List<String> routes = ApiRoutes.api(app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class))
                .stream().filter(r -> !ApiRoutes.isPublic(r)).toList();
        assertThat(routes).as("the route list is read").hasSizeGreaterThan(40);
        return routes;
    }

    @TestFactory
    @org.junit.jupiter.api.Order(1)
    Stream<DynamicTest> battery_a_valid_token_gets_through_every_endpoint() throws Exception {
        // the control: the variants below differ from this token in one respect only
        String admin = "Bearer " + mint.sign(mint.valid("admin", ADMIN, "371300", "11371300MB2850017C"));
        return Stream.concat(
                protectedRoutes().stream().map(route -> DynamicTest.dynamicTest("valid token: " + route, () ->
                        assertThat(ApiRoutes.call(base(), route, admin).statusCode()).as(route).isNotIn(401))),
                ApiRoutes.soap(base()).stream().map(op -> DynamicTest.dynamicTest("valid token: " + op, () ->
                        assertThat(ApiRoutes.call(base(), op, admin).statusCode()).as(op.toString()).isNotIn(401))));
    }

    @TestFactory
    @org.junit.jupiter.api.Order(2)
    Stream<DynamicTest> battery_every_endpoint_refuses_a_bad_token() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        List<ApiRoutes.SoapOperation> soap = ApiRoutes.soap(base());
        for (var variant : refusedTokens().entrySet()) {
            String token = "Bearer " + variant.getValue().call();
            for (String route : protectedRoutes()) {
                tests.add(DynamicTest.dynamicTest(variant.getKey() + ": " + route, () -> {
                    HttpResponse<String> r = ApiRoutes.call(base(), route, token);
                    assertThat(r.statusCode()).as(route).isEqualTo(401);
                    assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
                    assertThat(r.body()).contains("AUTHENTICATION_REQUIRED");
                }));
            }
            for (ApiRoutes.SoapOperation op : soap) {
                tests.add(DynamicTest.dynamicTest(variant.getKey() + ": " + op, () ->
                        assertThat(ApiRoutes.call(base(), op, token).statusCode()).as(op.toString()).isEqualTo(401)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    @org.junit.jupiter.api.Order(3)
    Stream<DynamicTest> battery_a_valid_token_without_a_govhub_role_is_403() throws Exception {
        // signed in, but none of govhub's roles (Keycloak's own default roles only)
        String none = "Bearer " + mint.sign(mint.valid("nobody", List.of("offline_access", "uma_authorization"), null, null));
        return Stream.concat(
                protectedRoutes().stream().filter(r -> !ANY_ACCOUNT.contains(r)).map(route -> DynamicTest.dynamicTest(
                        "no role: " + route, () -> {
                            HttpResponse<String> r = ApiRoutes.call(base(), route, none);
                            assertThat(r.statusCode()).as(route + " " + r.body()).isEqualTo(403);
                            assertThat(r.body()).contains("ACCESS_DENIED");
                        })),
                ApiRoutes.soap(base()).stream().map(op -> DynamicTest.dynamicTest("no role: " + op, () -> {
                    HttpResponse<String> r = ApiRoutes.call(base(), op, none);
                    assertThat(r.statusCode()).as(op.toString()).isEqualTo(403);
                    assertThat(r.body()).as(op.toString()).contains("ACCESS_DENIED");
                })));
    }

    /** The role table's rule for a route (method and path with {@code x1} ids). */
    private static java.util.Optional<EndpointRoles.Rule> ruleOf(String route) {
        return EndpointRoles.ruleFor(EndpointRoles.RULES, route.substring(0, route.indexOf(' ')),
                route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1"));
    }

    @TestFactory
    @org.junit.jupiter.api.Order(4)
    Stream<DynamicTest> battery_every_role_an_endpoint_does_not_allow_is_403() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String route : protectedRoutes()) {
            var rule = ruleOf(route);
            tests.add(DynamicTest.dynamicTest("has a role rule: " + route, () -> assertThat(rule)
                    .as(route + " is named in EndpointRoles (else it is open to every govhub role)").isPresent()));
            if (rule.isEmpty() || rule.get().roles().isEmpty()) {
                continue;
            }
            for (Role role : Role.values()) {
                if (rule.get().roles().contains(role)) {
                    continue;
                }
                // a real account of that role: the clerk's county, a bureau's organisation
                String token = "Bearer " + mint.sign(mint.valid("as-" + role.name().toLowerCase(), List.of(role.name()),
                        "371302", "11371300MB28500257"));
                tests.add(DynamicTest.dynamicTest(role + ": " + route, () -> {
                    HttpResponse<String> r = ApiRoutes.call(base(), route, token);
                    assertThat(r.statusCode()).as(route + " as " + role + ": " + r.body()).isEqualTo(403);
                    assertThat(r.body()).contains("ACCESS_DENIED");
                }));
            }
        }
        return tests.stream();
    }
}
