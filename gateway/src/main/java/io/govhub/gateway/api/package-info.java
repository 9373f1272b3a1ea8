/** The HTTP API, {@code /api/v1/...}: thin controllers over hub-core use cases; JSON in, JSON or problem+json out. */
package io.govhub.gateway.api;
