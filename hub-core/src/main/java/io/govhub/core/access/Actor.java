package io.govhub.core.access;

import java.util.Set;

/**
 * A signed-in person or partner system, as the use cases see it.
 *
 * @param username         stable login name
 * @param displayName      name to show (staff names are not published)
 * @param roles            the product roles held
 * @param divisionCode     the division the account is bound to ({@code null} for applicants)
 * @param organisationUscc the organisation the account acts for ({@code null} if none)
 */
public record Actor(String username, String displayName, Set<Role> roles, String divisionCode,
                    String organisationUscc) implements java.io.Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
