package io.govhub.gateway.security;

import io.govhub.core.access.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;
import java.util.Map;

/**
 * Sign-in to the web UI through Keycloak (OIDC authorization code with PKCE): the client registration of
 * {@code govhub-web}, built from the issuer alone (no call to Keycloak until someone signs in), and the user service
 * that turns the signed-in user into a govhub actor (realm roles and division claims from the access token, which
 * the hub received straight from Keycloak's token endpoint).
 */
public final class OidcWebLogin {

    public static final String REGISTRATION = "keycloak";

    private OidcWebLogin() {
    }

    public static ClientRegistration registration(String issuer, String clientId, String clientSecret) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(clientId).clientSecret(clientSecret)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(base + "/protocol/openid-connect/auth")
                .tokenUri(base + "/protocol/openid-connect/token")
                .jwkSetUri(base + "/protocol/openid-connect/certs")
                .userInfoUri(base + "/protocol/openid-connect/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(base)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", base + "/protocol/openid-connect/logout"))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .clientName("统一身份认证")
                .build();
    }

    /** A signed-in web user: the OIDC user, and the govhub actor it is. */
    public static final class GovhubOidcUser extends DefaultOidcUser {
        private final Actor actor;

        GovhubOidcUser(Actor actor, Collection<? extends GrantedAuthority> authorities, OidcUser user) {
            super(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
            this.actor = actor;
        }

        public Actor actor() {
            return actor;
        }
    }

    /** Loads the OIDC user as usual, then reads the actor from the access token's claims. */
    public static OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> claims;
            try {
                claims = com.nimbusds.jwt.JWTParser.parse(request.getAccessToken().getTokenValue()).getJWTClaimsSet()
                        .getClaims();
            } catch (java.text.ParseException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "unreadable access token", null), e);
            }
            Actor actor = JwtActors.actorOf(claims);
            GovhubUser govhub = new GovhubUser(actor, "", true);
            return new GovhubOidcUser(actor, govhub.getAuthorities(), user);
        };
    }
}
