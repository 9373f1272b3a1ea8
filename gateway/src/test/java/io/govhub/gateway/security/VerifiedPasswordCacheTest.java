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
}
