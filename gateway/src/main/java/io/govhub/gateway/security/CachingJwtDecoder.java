package io.govhub.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that passed the full check (signature, issuer, time, audience) until they expire, so that a
 * partner system or a page sending the same token with every call pays for parsing and the RSA signature check once.
 * A token is immutable: the same string checks the same way until its expiry, which the cache never outlives (entries
 * end at the token's {@code exp}, without the clock skew the validator allows, or after {@code ttl}, whichever is
 * first). Keys are SHA-256 digests, so the cache holds no usable token. Refused tokens are never remembered.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private record Entry(Jwt jwt, Instant until) {
    }

    private final JwtDecoder delegate;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> checked = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = digest(token);
        Instant now = clock.instant();
        Entry e = checked.get(key);
        if (e != null && now.isBefore(e.until())) {
            return e.jwt();
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            Instant until = jwt.getExpiresAt().isBefore(now.plus(ttl)) ? jwt.getExpiresAt() : now.plus(ttl);
            if (checked.size() >= maxEntries) {
                checked.values().removeIf(x -> !now.isBefore(x.until()));
                if (checked.size() >= maxEntries) {
                    checked.clear();
                }
            }
            checked.put(key, new Entry(jwt, until));
        }
        return jwt;
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
