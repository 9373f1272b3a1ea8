package io.govhub.core.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: counts attempts per bucket in a fixed window shared by all nodes. {@link #tryAcquire} answers empty when the
 * attempt is within the limit, else how long until the window ends. When the shared store is down, attempts are let
 * through (a limit is protection, not correctness).
 */
public interface RateLimiter {

    Optional<Duration> tryAcquire(String bucket, int limit, Duration window);

    /** Thrown when a bucket is full: RATE_LIMITED, with the time to wait (an HTTP answer's Retry-After). */
    final class Limited extends GovhubException {
        private final Duration retryAfter;

        public Limited(Duration retryAfter, Text text) {
            super(ErrorCode.RATE_LIMITED, text);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
