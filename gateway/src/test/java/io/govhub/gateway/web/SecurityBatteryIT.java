package io.govhub.gateway.web;

import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.ApiRoutes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> every_api_endpoint_needs_credentials_unless_it_is_public() {
        Set<String> routes = ApiRoutes.api(mappings);
        assertThat(routes).as("the route list is read").hasSizeGreaterThan(40);
        return routes.stream().filter(r -> !ApiRoutes.isPublic(r)).map(route -> DynamicTest.dynamicTest("no credentials: " + route, () -> {
            HttpResponse<String> r = ApiRoutes.call(base(), route, null);
            assertThat(r.statusCode()).as(route).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("AUTHENTICATION_REQUIRED");
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_api_endpoint_refuses_a_wrong_password() {
        return ApiRoutes.api(mappings).stream().filter(r -> !ApiRoutes.isPublic(r)).map(route -> DynamicTest.dynamicTest(
                "wrong password: " + route, () -> assertThat(ApiRoutes.call(base(), route, basic("admin", "not-the-password"))
                        .statusCode()).as(route).isEqualTo(401)));
    }

    @TestFactory
    Stream<DynamicTest> administrative_endpoints_answer_403_to_an_account_without_the_role() {
        return ApiRoutes.api(mappings).stream()
                .filter(r -> r.contains(" /api/v1/admin/") || r.contains(" /api/v1/audit") || r.startsWith("PUT /api/v1/calendar/"))
                .map(route -> DynamicTest.dynamicTest("as an applicant: " + route, () -> {
                    HttpResponse<String> r = ApiRoutes.call(base(), route, basic("applicant", "demo123"));
                    assertThat(r.statusCode()).as(route).isEqualTo(403);
                    assertThat(r.body()).contains("ACCESS_DENIED");
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_soap_operation_needs_credentials() throws Exception {
        return ApiRoutes.soap(base()).stream().map(op -> DynamicTest.dynamicTest("no credentials: " + op,
                () -> assertThat(ApiRoutes.call(base(), op, null).statusCode()).as(op.toString()).isEqualTo(401)));
    }
}
