/**
 * The delivery relay: Camel routes that take messages from the outbox (a broker hint for at once, a sweep for the
 * rest) and send them to partner systems through the transport of their protocol, with one error policy for every
 * partner: per-partner circuit breaker, exponential backoff, retry budget, dead letter.
 */
package io.govhub.connectors.delivery;
