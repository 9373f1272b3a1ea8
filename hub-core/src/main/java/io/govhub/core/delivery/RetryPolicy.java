package io.govhub.core.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter and a retry budget: attempt n (1-based) failed → wait {@code initial × 2^(n-1)},
 * capped at {@code max}, ±20 % jitter so that many messages do not retry in lockstep; after {@code maxAttempts}
 * failed attempts the message is dead.
 */
public record RetryPolicy(Duration initial, Duration max, int maxAttempts) {

    public RetryPolicy {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < initial ≤ max and maxAttempts ≥ 1");
        }
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the {@code attempts}-th failed attempt, without jitter. */
    public Duration baseDelay(int attempts) {
        int shift = Math.max(0, Math.min(attempts - 1, 30));
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    public Duration delay(int attempts) {
        long base = baseDelay(attempts).toMillis();
        long jitter = (long) (base * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, base + jitter));
    }
}
