/**
 * The embedded mode: PostgreSQL (zonky's binaries), Redis (codemonstur's binary) and the Artemis broker started by
 * govhub itself when no external one is configured, with their data under the data directory so that it survives
 * restarts. Stale processes left by a {@code kill -9} are found through their pid files and stopped at the next start.
 */
package io.govhub.gateway.embedded;
