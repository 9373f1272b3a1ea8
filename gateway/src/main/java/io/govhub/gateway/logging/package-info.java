/** Logging: the masking pattern words used by {@code logback-spring.xml}. */
package io.govhub.gateway.logging;
