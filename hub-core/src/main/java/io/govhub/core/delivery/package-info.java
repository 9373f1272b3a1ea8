/**
 * Store-and-forward to partner systems: an outbox row per message, written in the transaction that causes it; a relay
 * (in connectors) delivers it at least once with exponential backoff, and moves it to a durable dead letter after the
 * retry budget, from which an administrator replays it.
 */
package io.govhub.core.delivery;
