package io.govhub.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token cache in front of a real Nimbus decoder (RSA key made here); the delegate's calls are counted. */
class CachingJwtDecoderTest {

    private final KeyPair keys;
    private final AtomicInteger checks = new AtomicInteger();
    private final JwtDecoder real;
    private Instant now = Instant.now();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    CachingJwtDecoderTest() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        real = token -> {
            checks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private String token(String subject, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject(subject)
                .issueTime(Date.from(Instant.now())).expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void a_token_sent_again_is_checked_once() throws Exception {
        CachingJwtDecoder cache = new CachingJwtDecoder(real, Duration.ofMinutes(5), 100, clock);
        String t = token("a", Instant.now().plusSeconds(300));
        Jwt first = cache.decode(t);
        Jwt second = cache.decode(t);
        assertThat(second.getSubject()).isEqualTo("a");
        assertThat(second).isSameAs(first);
        assertThat(checks).hasValue(1);
        cache.decode(token("b", Instant.now().plusSeconds(300)));
        assertThat(checks).hasValue(2);
    }

    @Test
    void the_cache_never_outlives_the_token() throws Exception {
        CachingJwtDecoder cache = new CachingJwtDecoder(real, Duration.ofMinutes(5), 100, clock);
        String t = token("a", now.plusSeconds(30));
        cache.decode(t);
        now = now.plusSeconds(31); // past the token's exp: checked again by the real decoder
        cache.decode(t);
        assertThat(checks).hasValue(2);
    }

    @Test
    void a_refused_token_is_never_remembered() throws Exception {
        CachingJwtDecoder cache = new CachingJwtDecoder(real, Duration.ofMinutes(5), 100, clock);
        String t = token("a", Instant.now().plusSeconds(300));
        String tampered = t.substring(0, t.length() - 4) + (t.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void a_full_cache_is_emptied_not_grown() throws Exception {
        CachingJwtDecoder cache = new CachingJwtDecoder(real, Duration.ofMinutes(5), 2, clock);
        String a = token("a", Instant.now().plusSeconds(300));
        cache.decode(a);
        cache.decode(token("b", Instant.now().plusSeconds(300)));
        cache.decode(token("c", Instant.now().plusSeconds(300))); // full: emptied, then c remembered
        cache.decode(a);
        assertThat(checks).hasValue(4);
    }
}
