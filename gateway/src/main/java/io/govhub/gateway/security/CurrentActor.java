package io.govhub.gateway.security;

import io.govhub.core.access.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The actor behind the current request, whatever way it signed in. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof GovhubUser user) {
            return Optional.of(user.actor());
        }
        if (auth != null && auth.getPrincipal() instanceof OidcWebLogin.GovhubOidcUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }

    /** The username for audit records: the actor's, or {@code anonymous}. */
    public static String username() {
        return get().map(Actor::username).orElse("anonymous");
    }
}
