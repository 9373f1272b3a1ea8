package io.govhub.core.division;

import io.govhub.core.identity.UnifiedSocialCreditCode;

import java.util.Objects;

/**
 * An organisation that acts in a division: a department, an approval bureau, a service centre.
 *
 * @param uscc         its Unified Social Credit Code (the key everywhere in the hub)
 * @param name         full official name
 * @param shortName    the short form used in documents (e.g. 市财政局)
 * @param divisionCode where it acts
 * @param kind         what kind of body it is
 * @param phone        public consultation phone (an office number: not personal data)
 */
public record Organisation(String uscc, String name, String shortName, String divisionCode, OrganisationKind kind,
                           String phone) {

    public Organisation {
        Objects.requireNonNull(name);
        Objects.requireNonNull(divisionCode);
        Objects.requireNonNull(kind);
        if (!UnifiedSocialCreditCode.isValid(uscc)) {
            throw new IllegalArgumentException("organisation " + name + " has an invalid USCC: " + uscc);
        }
    }
}
