package io.govhub.core.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 8);

    @Test
    void theWaitDoublesUpToTheCap() {
        assertThat(policy.baseDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.baseDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.baseDelay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.baseDelay(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(policy.baseDelay(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.baseDelay(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        for (int i = 0; i < 1000; i++) {
            long ms = policy.delay(3).toMillis();
            assertThat(ms).isBetween(6400L, 9600L);
        }
    }

    @Test
    void theBudgetIsSpentAfterMaxAttempts() {
        assertThat(policy.exhausted(7)).isFalse();
        assertThat(policy.exhausted(8)).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
