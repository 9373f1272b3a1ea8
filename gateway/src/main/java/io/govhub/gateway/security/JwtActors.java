package io.govhub.gateway.security;

import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens of the Keycloak realm (统一身份认证) as govhub actors. The token must come from the configured issuer,
 * be signed by one of its keys (fetched from the issuer's JWK set on first use and cached, so a valid token is
 * checked locally), be current, and name govhub's API in its audience. Its realm roles that are govhub roles become
 * the actor's roles; the {@code division} and {@code organisation} claims (user attributes mapped into the token)
 * scope it; a partner system's client carries a {@code partner_id} claim, which becomes its user name, so that a
 * partner acts as itself only.
 */
public final class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Set<String> ROLE_NAMES = Arrays.stream(Role.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * A decoder for the issuer's tokens, validating issuer, time and audience, remembering tokens that passed until they
     * expire. Makes no call until the first token.
     */
    public static JwtDecoder decoder(String issuer, String audience) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/protocol/openid-connect/certs").build();
        OAuth2TokenValidator<Jwt> hasAudience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token is not meant for " + audience, null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(base),
                hasAudience));
        // a token sent again (every call of a partner or a page) is not parsed and verified again until it expires
        return new CachingJwtDecoder(decoder, java.time.Duration.ofMinutes(5), 10_000, java.time.Clock.systemUTC());
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        GovhubUser user = new GovhubUser(actorOf(jwt.getClaims()), "", true);
        return new UsernamePasswordAuthenticationToken(user, jwt.getTokenValue(), user.getAuthorities());
    }

    /** The actor a token's claims describe (the API's bearer tokens, and the web sign-in's access token). */
    static Actor actorOf(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object realmAccess = claims.get("realm_access");
        if (realmAccess instanceof Map<?, ?> m && m.get("roles") instanceof Collection<?> names) {
            for (Object n : names) {
                if (n instanceof String s && ROLE_NAMES.contains(s)) {
                    roles.add(Role.valueOf(s));
                }
            }
        }
        String partner = text(claims, "partner_id");
        String username = partner != null ? partner
                : text(claims, "preferred_username") != null ? text(claims, "preferred_username") : text(claims, "sub");
        String name = text(claims, "name") != null ? text(claims, "name") : username;
        return new Actor(username, name, Set.copyOf(roles), text(claims, "division"), text(claims, "organisation"));
    }

    private static String text(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
