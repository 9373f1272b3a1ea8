package io.govhub.gateway.web;

import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security battery, generated from what the application serves, so that a new endpoint is covered without
 * anyone writing a test for it: every API endpoint (from Spring MVC's own route list) and every SOAP operation (from
 * the WSDLs the hub publishes), one small test each. Without credentials each answers 401 as problem+json (or a SOAP
 * endpoint's 401), except the public reads listed here, the intended public surface; with wrong credentials, 401;
 * administrative endpoints answer 403 to an account without the role. (With single sign-on the same rules hold
 * for bearer tokens: KeycloakIT.)
 */
class SecurityBatteryIT extends EmbeddedAppIT {

    /** The public surface of the API, on purpose: anything else needs credentials. */
    private static final List<String> PUBLIC = List.of(
            "GET /api/v1/divisions", "GET /api/v1/divisions/", "GET /api/v1/organisations", "GET /api/v1/organisations/",
            "GET /api/v1/calendar", "GET /api/v1/calendar/", "GET /api/v1/guides", "GET /api/v1/guides/",
            "GET /api/v1/credit/public", "GET /api/v1/credit/public/{}", "POST /api/v1/identifiers/validate", "GET /api/v1/guide-imports/template.csv",
            "GET /api/v1/cases/{}/public-status");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient client = HttpClient.newHttpClient();

    /** Every (method, path pattern) of the API. */
    private Set<String> apiRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(m.name() + " " + pattern);
                }
            }
        }
        return routes;
    }

    private static boolean isPublic(String route) {
        String normalised = route.replaceAll("\\{[^}]+}", "{}");
        return PUBLIC.stream().anyMatch(p -> p.endsWith("/") ? normalised.startsWith(p) : normalised.equals(p));
    }

    private HttpResponse<String> call(String route, String authorization) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> every_api_endpoint_needs_credentials_unless_it_is_public() {
        Set<String> routes = apiRoutes();
        assertThat(routes).as("the route list is read").hasSizeGreaterThan(40);
        return routes.stream().filter(r -> !isPublic(r)).map(route -> DynamicTest.dynamicTest("no credentials: " + route, () -> {
            HttpResponse<String> r = call(route, null);
            assertThat(r.statusCode()).as(route).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("AUTHENTICATION_REQUIRED");
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_api_endpoint_refuses_a_wrong_password() {
        return apiRoutes().stream().filter(r -> !isPublic(r)).map(route -> DynamicTest.dynamicTest("wrong password: " + route,
                () -> assertThat(call(route, basic("admin", "not-the-password")).statusCode()).as(route).isEqualTo(401)));
    }

    @TestFactory
    Stream<DynamicTest> administrative_endpoints_answer_403_to_an_account_without_the_role() {
        return apiRoutes().stream()
                .filter(r -> r.contains(" /api/v1/admin/") || r.contains(" /api/v1/audit") || r.startsWith("PUT /api/v1/calendar/"))
                .map(route -> DynamicTest.dynamicTest("as an applicant: " + route, () -> {
                    HttpResponse<String> r = call(route, basic("applicant", "demo123"));
                    assertThat(r.statusCode()).as(route).isEqualTo(403);
                    assertThat(r.body()).contains("ACCESS_DENIED");
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_soap_operation_needs_credentials() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String service : List.of("cases", "credit")) {
            String wsdl = new Http(port).get("/services/" + service + "?wsdl").body();
            Matcher ns = Pattern.compile("targetNamespace=\"([^\"]+)\"").matcher(wsdl);
            assertThat(ns.find()).isTrue();
            Set<String> operations = new TreeSet<>();
            Matcher op = Pattern.compile("<wsdl:operation name=\"([^\"]+)\"").matcher(wsdl);
            while (op.find()) {
                operations.add(op.group(1));
            }
            assertThat(operations).as(service + " operations").isNotEmpty();
            for (String operation : operations) {
                tests.add(DynamicTest.dynamicTest("no credentials: SOAP " + service + " " + operation, () -> {
                    String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                            + "<o:" + operation + " xmlns:o=\"" + ns.group(1) + "\"/></soap:Body></soap:Envelope>";
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/services/" + service)).header("Content-Type", "text/xml; charset=utf-8")
                            .header("SOAPAction", "\"" + ns.group(1) + "/" + operation + "\"")
                            .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(operation).isEqualTo(401);
                }));
            }
        }
        return tests.stream();
    }
}
