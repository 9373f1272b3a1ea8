package io.govhub.gateway.security;

import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.caseflow.PartnerSystem;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Set;

/**
 * Partner systems signed in by a client certificate (mutual TLS, {@code govhub.partner-tls.*}): the certificate's
 * common name is the partner-system id, which must be registered and enabled; the partner then acts as itself only
 * (its account's organisation when it has a local account, else its registry entry's division). Any other name,
 * a staff account's included, is refused: a certificate never makes anyone but a partner system.
 */
public final class PartnerCertificates implements UserDetailsService {

    private final PartnerRegistry registry;
    private final LocalAccountStore accounts;

    public PartnerCertificates(PartnerRegistry registry, LocalAccountStore accounts) {
        this.registry = registry;
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String commonName) {
        PartnerSystem p = registry.partner(commonName).filter(PartnerSystem::enabled)
                .orElseThrow(() -> new UsernameNotFoundException("not a registered partner system"));
        try {
            if (accounts.loadUserByUsername(p.id()) instanceof GovhubUser u && u.actor().has(Role.PARTNER_SYSTEM)
                    && u.isEnabled()) {
                Actor a = u.actor();
                return new GovhubUser(new Actor(a.username(), a.displayName(), Set.of(Role.PARTNER_SYSTEM),
                        a.divisionCode(), a.organisationUscc()), "", true);
            }
        } catch (UsernameNotFoundException noAccount) {
            // a partner known to the registry only: its division, no organisation
        }
        return new GovhubUser(new Actor(p.id(), p.name(), Set.of(Role.PARTNER_SYSTEM), p.divisionCode(), null), "", true);
    }
}
