package io.govhub.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTest {

    /** Counts the real (bcrypt) checks. */
    static final class Counting implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    }

    @Test
    void aMatchingPasswordIsCheckedOnceThenRemembered() {
        Counting c = new Counting();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(c, Duration.ofMinutes(5), 100);
        String hash = cache.encode("demo123");
        for (int i = 0; i < 10; i++) {
            assertThat(cache.matches("demo123", hash)).isTrue();
        }
        assertThat(c.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAlwaysCostsAFullCheck() {
        Counting c = new Counting();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(c, Duration.ofMinutes(5), 100);
        String hash = cache.encode("demo123");
        assertThat(cache.matches("demo123", hash)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(cache.matches("wrong", hash)).isFalse();
        }
        assertThat(c.checks).hasValue(4);
    }

    @Test
    void aNewHashMissesTheCacheAndEntriesExpire() throws Exception {
        Counting c = new Counting();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(c, Duration.ofMillis(50), 100);
        String first = cache.encode("demo123");
        String second = cache.encode("demo123");
        assertThat(cache.matches("demo123", first)).isTrue();
        assertThat(cache.matches("demo123", second)).isTrue();
        assertThat(c.checks).hasValue(2);
        Thread.sleep(80);
        assertThat(cache.matches("demo123", first)).isTrue();
        assertThat(c.checks).hasValue(3);
    }

    @Test
    void callersThatMissAtTheSameMomentShareOneCheck() throws Exception {
        Counting c = new Counting();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(c, Duration.ofMinutes(5), 100);
        String hash = cache.encode("demo123");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.matches("demo123", hash);
                }));
            }
            start.countDown();
            for (var a : answers) {
                assertThat(a.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(c.checks).as("one bcrypt for the eight callers").hasValue(1);
    }

    @Test
    void aPasswordInUseIsCheckedAgainBeforeItExpires() throws Exception {
        Counting c = new Counting();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(c, Duration.ofSeconds(2), 100);
        String hash = cache.encode("demo123");
        assertThat(cache.matches("demo123", hash)).isTrue();
        Thread.sleep(1700); // in the last fifth of its time: answered at once, checked again in the background
        assertThat(cache.matches("demo123", hash)).isTrue();
        Thread.sleep(800); // past the first check's expiry
        assertThat(c.checks).as("checked again in the background").hasValue(2);
        assertThat(cache.matches("demo123", hash)).isTrue();
        assertThat(c.checks).as("no check at the first one's expiry").hasValue(2);
    }
}
