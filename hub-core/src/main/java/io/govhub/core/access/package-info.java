/**
 * Who acts in the hub: the product's roles and the {@link io.govhub.core.access.Actor} (a person or a partner system,
 * with the division and organisation it is bound to). Independent of how the actor signed in (local account in the
 * embedded mode, Keycloak OIDC in production). Plain Java: no framework.
 */
package io.govhub.core.access;
