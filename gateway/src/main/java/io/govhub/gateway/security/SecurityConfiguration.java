package io.govhub.gateway.security;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.Text;
import io.govhub.gateway.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.nio.charset.StandardCharsets;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}): stateless, HTTP Basic with local accounts,
 * answers 401/403 as problem+json. The web UI: a session, a sign-in form, CSRF protection, strict security headers.
 * Public reads (divisions, organisations, calendar, identifier validation, health, API docs) need no sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    public PasswordEncoder passwordEncoder() {
        // bcrypt once per account and password every 5 minutes, not on every HTTP Basic call
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                java.time.Duration.ofMinutes(5), 10_000);
    }

    /** Who is calling, for the SOAP endpoints in connectors. */
    @Bean
    public io.govhub.core.access.CurrentActors currentActors() {
        return CurrentActor::get;
    }

    @Bean
    public LocalAccountStore localAccountStore(JdbcTemplate jdbc) {
        return new LocalAccountStore(jdbc);
    }

    @Bean
    public AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiChain(HttpSecurity http,
            @org.springframework.beans.factory.annotation.Value("${govhub.oidc.issuer:}") String issuer,
            @org.springframework.beans.factory.annotation.Value("${govhub.oidc.audience:govhub-api}") String audience,
            @org.springframework.beans.factory.annotation.Value("${govhub.partner-tls.enabled:false}") boolean partnerTls,
            org.springframework.beans.factory.ObjectProvider<io.govhub.core.caseflow.PartnerRegistry> partners,
            LocalAccountStore accounts)
            throws Exception {
        // by request URI: the SOAP endpoints are served by CXF's own servlet (/services/*), not the DispatcherServlet
        http.securityMatcher(req -> req.getRequestURI().startsWith("/api/") || req.getRequestURI().startsWith("/actuator")
                        || req.getRequestURI().startsWith("/services"))
                .authorizeHttpRequests(a -> EndpointRoles.PUBLIC_API.forEach(rule -> a.requestMatchers(rule.method(),
                        rule.patterns().toArray(String[]::new)).permitAll()))
                .authorizeHttpRequests(a -> a
                        // the WSDLs and the service list; every SOAP operation (POST) needs credentials
                        .requestMatchers(req -> "GET".equals(req.getMethod()) && req.getRequestURI().startsWith("/services"))
                        .permitAll()
                        // SOAP operations: a caller with one of govhub's roles; the services check which
                        .requestMatchers(req -> req.getRequestURI().startsWith("/services"))
                        .hasAnyRole(EndpointRoles.names(EndpointRoles.ANY_GOVHUB_ROLE))
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN"));
        http.authorizeHttpRequests(a -> {
            for (EndpointRoles.Rule rule : EndpointRoles.RULES) {
                var matcher = rule.method() == null ? a.requestMatchers(rule.patterns().toArray(String[]::new))
                        : a.requestMatchers(rule.method(), rule.patterns().toArray(String[]::new));
                if (rule.roles().isEmpty()) {
                    matcher.authenticated();
                } else {
                    matcher.hasAnyRole(EndpointRoles.names(rule.roles()));
                }
            }
            a.anyRequest().hasAnyRole(EndpointRoles.names(EndpointRoles.ANY_GOVHUB_ROLE));
        });
        http
                .exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint()).accessDeniedHandler(apiDenied()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless, no cookies: bodies must be JSON, which a cross-site form cannot send
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        if (partnerTls) {
            // partner systems by client certificate (mutual TLS on govhub.partner-tls.port): CN = partner-system id
            http.x509(x -> x.subjectPrincipalRegex("CN=([^,]+)")
                    .userDetailsService(new PartnerCertificates(partners.getObject(), accounts)));
        }
        if (issuer.isBlank()) {
            // local accounts (the embedded mode, or until single sign-on is configured)
            http.httpBasic(b -> b.realmName("govhub").authenticationEntryPoint(apiEntryPoint()));
        } else {
            // single sign-on: bearer tokens of the Keycloak realm only; local passwords are not accepted
            http.exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint("Bearer realm=\"govhub\"")));
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(apiEntryPoint("Bearer realm=\"govhub\", error=\"invalid_token\""))
                    .jwt(j -> j.decoder(JwtActors.decoder(issuer, audience)).jwtAuthenticationConverter(new JwtActors())));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain webChain(HttpSecurity http,
            @org.springframework.beans.factory.annotation.Value("${govhub.oidc.issuer:}") String issuer,
            @org.springframework.beans.factory.annotation.Value("${govhub.oidc.client-id:govhub-web}") String clientId,
            @org.springframework.beans.factory.annotation.Value("${govhub.oidc.client-secret:}") String clientSecret)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRoles.PUBLIC_PAGES.toArray(String[]::new)).permitAll()
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/workbench", "/workbench/**").hasAnyRole("GUIDE_EDITOR", "GUIDE_REVIEWER")
                        .requestMatchers("/supervision", "/supervision/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers("/credit-desk").hasRole("CREDIT_OFFICER")
                        .requestMatchers("/hall", "/hall/**").hasRole("HALL_CLERK")
                        .requestMatchers("/my-cases", "/my-cases/**").hasRole("APPLICANT")
                        .anyRequest().authenticated())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(issuer.isBlank() ? CSP
                                // signing out posts to /logout, which redirects to Keycloak's end-session endpoint
                                : CSP.replace("form-action 'self'", "form-action 'self' " + origin(issuer))))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .csrf(Customizer.withDefaults());
        if (issuer.isBlank()) {
            http.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                            .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                                    // the accounts could not be read (database down): say so, not "wrong password"
                                    + (ex instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
                                    ? "/login?unavailable" : "/login?error"))))
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").deleteCookies("SESSION"));
        } else {
            // single sign-on: Keycloak's login page (authorization code with PKCE); signing out ends the Keycloak
            // session too (RP-initiated logout) and comes back to the home page
            var registrations = new org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository(
                    OidcWebLogin.registration(issuer, clientId, clientSecret));
            var signedOut = new org.springframework.security.oauth2.client.oidc.web.logout
                    .OidcClientInitiatedLogoutSuccessHandler(registrations);
            signedOut.setPostLogoutRedirectUri("{baseUrl}/?signedOut");
            http.oauth2Login(o -> o.clientRegistrationRepository(registrations)
                            .loginPage("/oauth2/authorization/" + OidcWebLogin.REGISTRATION)
                            .userInfoEndpoint(u -> u.oidcUserService(OidcWebLogin.userService()))
                            .defaultSuccessUrl("/", false))
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(signedOut).deleteCookies("SESSION"));
        }
        return http.build();
    }

    private static String origin(String url) {
        java.net.URI u = java.net.URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return apiEntryPoint("Basic realm=\"govhub\"");
    }

    private static AuthenticationEntryPoint apiEntryPoint(String challenge) {
        return (req, res, ex) -> {
            if (ex instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
                // the accounts could not be read (the database is down or restarting): not the caller's credentials
                res.setHeader("Retry-After", "5");
                write(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Problems.json(ErrorCode.SERVICE_UNAVAILABLE,
                        Text.of("暂时无法验证凭证，请稍后重试", "Credentials cannot be checked right now; retry later"),
                        req.getRequestURI()));
                return;
            }
            res.setHeader("WWW-Authenticate", challenge);
            write(res, HttpServletResponse.SC_UNAUTHORIZED, Problems.json(ErrorCode.AUTHENTICATION_REQUIRED,
                    Text.of("需要登录：请提供有效凭证", "Authentication required: provide valid credentials"),
                    req.getRequestURI()));
        };
    }

    private static AccessDeniedHandler apiDenied() {
        return (req, res, ex) -> write(res, HttpServletResponse.SC_FORBIDDEN, Problems.json(ErrorCode.ACCESS_DENIED,
                Text.of("当前账号无权执行该操作", "This account is not allowed to do this"), req.getRequestURI()));
    }

    private static void write(HttpServletResponse res, int status, String json) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
