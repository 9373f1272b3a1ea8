package io.govhub.gateway.security;

import io.govhub.core.access.Role;
import org.springframework.http.HttpMethod;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.govhub.core.access.Role.ADMIN;
import static io.govhub.core.access.Role.APPLICANT;
import static io.govhub.core.access.Role.CREDIT_OFFICER;
import static io.govhub.core.access.Role.GUIDE_EDITOR;
import static io.govhub.core.access.Role.GUIDE_REVIEWER;
import static io.govhub.core.access.Role.HALL_CLERK;
import static io.govhub.core.access.Role.PARTNER_SYSTEM;
import static io.govhub.core.access.Role.SUPERVISOR;

/**
 * Which roles may call which API endpoint, checked at the door (the security filter) before a request reaches a
 * controller, so that a caller without the role learns nothing from validation or lookups (403 whatever the body or
 * the id). The services check the same roles again, and the finer scope (county, organisation, partner id) that only
 * the data can tell. Rules are tried in order; an API path no rule names needs one of govhub's roles (a token of the
 * realm with none of them gets 403). The security battery checks every route of the application against this table.
 */
public final class EndpointRoles {

    /** A rule: the method ({@code null}: any), path patterns, and the roles (empty: anyone signed in). */
    public record Rule(HttpMethod method, List<String> patterns, Set<Role> roles) {
    }

    private static final Role[] CASE_READERS = {APPLICANT, HALL_CLERK, PARTNER_SYSTEM, SUPERVISOR, ADMIN};
    private static final Role[] CASE_SUBMITTERS = {APPLICANT, HALL_CLERK, PARTNER_SYSTEM};

    public static final List<Rule> RULES = List.of(
            rule(HttpMethod.GET, List.of("/api/v1/me")),
            rule(null, List.of("/api/v1/admin/**", "/api/v1/audit", "/api/v1/audit/**"), ADMIN),
            rule(HttpMethod.PUT, List.of("/api/v1/calendar/*"), ADMIN),
            // 一网通办 cases
            rule(HttpMethod.POST, List.of("/api/v1/cases/*/status"), PARTNER_SYSTEM),
            rule(HttpMethod.GET, List.of("/api/v1/cases/board"), SUPERVISOR, ADMIN),
            rule(HttpMethod.POST, List.of("/api/v1/cases/*/withdrawal"), APPLICANT, HALL_CLERK),
            rule(HttpMethod.POST, List.of("/api/v1/cases", "/api/v1/cases/materials"), CASE_SUBMITTERS),
            rule(HttpMethod.GET, List.of("/api/v1/cases", "/api/v1/cases/*", "/api/v1/cases/*/materials/*"), CASE_READERS),
            // 双公示 credit information
            rule(HttpMethod.POST, List.of("/api/v1/credit/permits", "/api/v1/credit/penalties", "/api/v1/credit/batches"),
                    CREDIT_OFFICER, PARTNER_SYSTEM),
            rule(HttpMethod.POST, List.of("/api/v1/credit/revocations", "/api/v1/credit/repairs"), CREDIT_OFFICER),
            rule(HttpMethod.GET, List.of("/api/v1/credit/submissions/*"), CREDIT_OFFICER, PARTNER_SYSTEM, SUPERVISOR, ADMIN),
            rule(HttpMethod.GET, List.of("/api/v1/credit/compliance", "/api/v1/credit/compliance.csv",
                    "/api/v1/credit/compliance.xlsx"), SUPERVISOR, ADMIN),
            rule(HttpMethod.GET, List.of("/api/v1/credit/warnings"), CREDIT_OFFICER, SUPERVISOR, ADMIN),
            // 办事指南 service guides (editing)
            rule(HttpMethod.POST, List.of("/api/v1/guide-items/*/publish", "/api/v1/guide-items/*/send-back",
                    "/api/v1/guide-items/*/withdraw"), GUIDE_REVIEWER),
            rule(HttpMethod.POST, List.of("/api/v1/guide-items", "/api/v1/guide-items/*/submit"), GUIDE_EDITOR),
            rule(HttpMethod.PUT, List.of("/api/v1/guide-items/*"), GUIDE_EDITOR),
            rule(HttpMethod.GET, List.of("/api/v1/guide-items", "/api/v1/guide-items/**"), GUIDE_EDITOR, GUIDE_REVIEWER),
            rule(null, List.of("/api/v1/guide-imports", "/api/v1/guide-imports/*", "/api/v1/guide-imports/*/rows"),
                    GUIDE_EDITOR));

    /**
     * The public surface of the API, on purpose (no sign-in): reference data, published guides and credit records,
     * identifier checks, the case status check. Rate-limited per caller ({@code PublicRateLimitFilter}).
     */
    public static final List<Rule> PUBLIC_API = List.of(
            rule(HttpMethod.GET, List.of("/api/v1/divisions", "/api/v1/divisions/**", "/api/v1/organisations",
                    "/api/v1/organisations/**", "/api/v1/calendar", "/api/v1/calendar/**", "/api/v1/guides",
                    "/api/v1/guides/**", "/api/v1/credit/public", "/api/v1/credit/public/*",
                    "/api/v1/guide-imports/template.csv", "/api/v1/cases/*/public-status")),
            rule(HttpMethod.POST, List.of("/api/v1/identifiers/validate")));

    /** The public pages of the web UI (rate-limited like the public API; static files are not). */
    public static final List<String> PUBLIC_PAGES = List.of("/", "/divisions/**", "/calculator", "/calendar",
            "/calendar/**", "/login", "/guides", "/guides/**", "/credit", "/credit/*", "/track");

    /** Every govhub role: what an API path no rule names requires (one of them). */
    public static final Set<Role> ANY_GOVHUB_ROLE = Set.copyOf(EnumSet.allOf(Role.class));

    private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();

    private EndpointRoles() {
    }

    /** The first rule of {@code rules} that names this method and path (the security filter's own order). */
    public static java.util.Optional<Rule> ruleFor(List<Rule> rules, String method, String path) {
        return rules.stream().filter(r -> r.method() == null || r.method().matches(method))
                .filter(r -> r.patterns().stream().anyMatch(p -> PATHS.match(p, path))).findFirst();
    }

    /** Whether a request is on the public surface: a public API route, or a public page. */
    public static boolean isPublic(String method, String path) {
        return path.startsWith("/api/") ? ruleFor(PUBLIC_API, method, path).isPresent()
                : PUBLIC_PAGES.stream().anyMatch(p -> PATHS.match(p, path));
    }

    private static Rule rule(HttpMethod method, List<String> patterns, Role... roles) {
        return new Rule(method, patterns, roles.length == 0 ? Set.of() : Set.copyOf(Arrays.asList(roles)));
    }

    static String[] names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
    }
}
