package io.govhub.gateway.support;

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

/**
 * What the application serves, read from the application itself, for the generated security batteries: every API
 * route (Spring MVC's own route list) and every SOAP operation (from the WSDLs the hub publishes). A new endpoint is
 * covered without anyone writing a test for it.
 */
public final class ApiRoutes {

    /** The public surface of the API, on purpose: anything else needs credentials. */
    public static final List<String> PUBLIC = List.of(
            "GET /api/v1/divisions", "GET /api/v1/divisions/", "GET /api/v1/organisations", "GET /api/v1/organisations/",
            "GET /api/v1/calendar", "GET /api/v1/calendar/", "GET /api/v1/guides", "GET /api/v1/guides/",
            "GET /api/v1/credit/public", "GET /api/v1/credit/public/{}", "POST /api/v1/identifiers/validate",
            "GET /api/v1/guide-imports/template.csv", "GET /api/v1/cases/{}/public-status");

    /** A SOAP operation: the service's path under /services, its namespace and the operation's name. */
    public record SoapOperation(String service, String namespace, String operation) {
        @Override
        public String toString() {
            return "SOAP " + service + " " + operation;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ApiRoutes() {
    }

    /** Every (method, path pattern) of the API, e.g. {@code GET /api/v1/cases/{caseNumber}}. */
    public static Set<String> api(RequestMappingHandlerMapping mappings) {
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

    public static boolean isPublic(String route) {
        String normalised = route.replaceAll("\\{[^}]+}", "{}");
        return PUBLIC.stream().anyMatch(p -> p.endsWith("/") ? normalised.startsWith(p) : normalised.equals(p));
    }

    /** Every SOAP operation of the cases and credit services, from their published WSDLs. */
    public static List<SoapOperation> soap(String baseUrl) throws Exception {
        List<SoapOperation> operations = new ArrayList<>();
        for (String service : List.of("cases", "credit")) {
            String wsdl = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/" + service + "?wsdl")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            Matcher ns = Pattern.compile("targetNamespace=\"([^\"]+)\"").matcher(wsdl);
            if (!ns.find()) {
                throw new IllegalStateException("no targetNamespace in the WSDL of " + service);
            }
            Set<String> names = new TreeSet<>();
            Matcher op = Pattern.compile("<wsdl:operation name=\"([^\"]+)\"").matcher(wsdl);
            while (op.find()) {
                names.add(op.group(1));
            }
            if (names.isEmpty()) {
                throw new IllegalStateException("no operations in the WSDL of " + service);
            }
            names.forEach(n -> operations.add(new SoapOperation(service, ns.group(1), n)));
        }
        return operations;
    }

    /** Calls a route with path variables filled in as {@code x1} and an empty JSON object as body where one fits. */
    public static HttpResponse<String> call(String baseUrl, String route, String authorization) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Calls a SOAP operation with an empty request element. */
    public static HttpResponse<String> call(String baseUrl, SoapOperation op, String authorization) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<o:" + op.operation() + " xmlns:o=\"" + op.namespace() + "\"/></soap:Body></soap:Envelope>";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/services/" + op.service()))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + op.namespace() + "/" + op.operation() + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
