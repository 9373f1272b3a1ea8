package io.govhub.gateway.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A password encoder that remembers, for a short time, that a password matched its stored hash. HTTP Basic sends the
 * password with every API call, and bcrypt is slow on purpose (tens of milliseconds of CPU each time): without this,
 * a partner system calling 100 times a second would need several cores for bcrypt alone. Remembered are only HMACs
 * of (stored hash, password) under a key made at start-up and never stored, so the cache cannot be read back into
 * passwords; a changed password (a new stored hash) misses the cache; entries expire after {@code ttl}; a wrong
 * password is never remembered and always costs a full bcrypt.
 */
public final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final byte[] key = new byte[32];
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String k = hmac(encodedPassword + "\u0000" + rawPassword);
        Long until = verified.get(k);
        long now = System.nanoTime();
        if (until != null && now - until < 0) {
            return true;
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            if (verified.size() >= maxEntries) {
                verified.entrySet().removeIf(e -> now - e.getValue() >= 0);
                if (verified.size() >= maxEntries) {
                    verified.clear();
                }
            }
            verified.put(k, now + ttlNanos);
        } else if (until != null) {
            verified.remove(k);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String hmac(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
