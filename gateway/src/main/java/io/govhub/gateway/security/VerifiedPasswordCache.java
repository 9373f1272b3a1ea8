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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A password encoder that remembers, for a short time, that a password matched its stored hash. HTTP Basic sends the
 * password with every API call, and bcrypt is slow on purpose (tens of milliseconds of CPU each time): without this,
 * a partner system calling 100 times a second would need several cores for bcrypt alone. Remembered are only HMACs
 * of (stored hash, password) under a key made at start-up and never stored, so the cache cannot be read back into
 * passwords; a changed password (a new stored hash) misses the cache; entries expire after {@code ttl}; a wrong
 * password is never remembered and always costs a full bcrypt. Calls that miss at the same moment with the same
 * password and hash share one check (at the start, or after an expiry under load, each would otherwise pay a bcrypt);
 * a remembered password used in the last fifth of its time is checked again in the background, so steady traffic
 * never meets the expiry.
 */
public final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final byte[] key = new byte[32];
    private final Map<String, Long> verified = new ConcurrentHashMap<>();
    /** Checks in progress, by the same key: callers that miss at the same moment wait for one check. */
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private final long refreshNanos;
    private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "verified-password-refresh");
        t.setDaemon(true);
        return t;
    });

    public VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.refreshNanos = ttlNanos / 5;
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
            if (until - now < refreshNanos) {
                refresh(k, rawPassword.toString(), encodedPassword);
            }
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(k, mine);
        if (running != null) {
            return running.join(); // the same password against the same hash is being checked: one bcrypt for all
        }
        try {
            Long justNow = verified.get(k); // remembered by a check that ended just before this one began waiting
            boolean ok = justNow != null && System.nanoTime() - justNow < 0
                    || check(k, rawPassword, encodedPassword, until != null);
            mine.complete(ok);
            return ok;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(k, mine);
        }
    }

    /** The real (bcrypt) check, its result remembered when it matched. */
    private boolean check(String k, CharSequence rawPassword, String encodedPassword, boolean wasRemembered) {
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        long now = System.nanoTime();
        if (ok) {
            if (verified.size() >= maxEntries) {
                verified.entrySet().removeIf(e -> now - e.getValue() >= 0);
                if (verified.size() >= maxEntries) {
                    verified.clear();
                }
            }
            verified.put(k, now + ttlNanos);
        } else if (wasRemembered) {
            verified.remove(k);
        }
        return ok;
    }

    /**
     * A remembered password used in the last fifth of its time: checked again in the background, so that a caller
     * who keeps calling never meets the expiry (which would cost each call in flight at that moment a bcrypt).
     */
    private void refresh(String k, String rawPassword, String encodedPassword) {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        if (inFlight.putIfAbsent(k, mine) != null) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    mine.complete(check(k, rawPassword, encodedPassword, true));
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                } finally {
                    inFlight.remove(k, mine);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.remove(k, mine);
            mine.complete(true);
        }
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
