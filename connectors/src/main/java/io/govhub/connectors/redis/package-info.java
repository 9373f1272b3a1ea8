/**
 * Redis through Jedis: the shared connection pool and its health. Later: the idempotency store, rate limiter and
 * caches that many hub nodes share.
 */
package io.govhub.connectors.redis;
