/**
 * Who may do what. Local accounts (a form for the web UI, HTTP Basic for API scripts) when no OIDC issuer is
 * configured, as in the embedded mode; the controllers see only an {@link io.govhub.core.access.Actor}, so switching
 * to Keycloak (OIDC) changes this package and nothing else.
 */
package io.govhub.gateway.security;
