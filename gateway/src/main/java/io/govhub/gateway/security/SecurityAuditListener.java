package io.govhub.gateway.security;

import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import io.govhub.core.identity.PersonalDataMasker;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.FilterInvocation;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Audit events for security: {@code SIGN_IN} (an interactive sign-in), {@code SIGN_IN_FAILED} (any failed
 * authentication, form or HTTP Basic), {@code ACCESS_DENIED} (a signed-in caller refused).
 */
@Component
public class SecurityAuditListener {

    private final AuditPort audit;

    public SecurityAuditListener(AuditPort audit) {
        this.audit = audit;
    }

    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent e) {
        // the web UI's sign-in: with the local form, or at Keycloak (统一身份认证, authorization code) when it comes back
        boolean sso = e.getAuthentication() instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
        audit.record(AuditEvent.of("SIGN_IN", e.getAuthentication().getName(), sso ? "single sign-on (Keycloak)"
                : "form sign-in", Map.of()));
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent e) {
        // a rejected bearer token is never written down (its "name" is the token itself)
        String who = e.getAuthentication() instanceof org.springframework.security.oauth2.server.resource.authentication
                .BearerTokenAuthenticationToken ? "(bearer token)"
                : PersonalDataMasker.maskFreeText(e.getAuthentication().getName());
        if (who.length() > 100) {
            who = who.substring(0, 100);
        }
        audit.record(AuditEvent.failed("SIGN_IN", who, e.getException().getClass().getSimpleName(), Map.of()));
    }

    @EventListener
    public void denied(AuthorizationDeniedEvent<?> e) {
        Authentication auth = e.getAuthentication().get();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return; // an anonymous caller is answered 401 / sent to sign in: not a permission denial
        }
        String user = auth.getName();
        String target = e.getSource() instanceof FilterInvocation fi ? fi.getRequest().getMethod() + " "
                + fi.getRequest().getRequestURI()
                : e.getSource() instanceof jakarta.servlet.http.HttpServletRequest r ? r.getMethod() + " " + r.getRequestURI()
                : String.valueOf(e.getSource().getClass().getSimpleName());
        audit.record(AuditEvent.of("ACCESS_DENIED", user, "authorization denied", Map.of("target", target)));
    }
}
