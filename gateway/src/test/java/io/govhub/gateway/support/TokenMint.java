package io.govhub.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tokens a test signs itself, to try the resource server with tokens that differ from a valid one in exactly one
 * respect (expired, signed by another key, another issuer, another audience, no govhub role). The realm's test key is
 * imported into the test's Keycloak as an extra key provider ({@link #keyProvider()}), so Keycloak publishes it in
 * the realm's JWK set like its own; the "other" key is published nowhere.
 */
public final class TokenMint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestCertificates.Issued realmKey;
    private final TestCertificates.Issued otherKey;
    private String issuer;
    private String kid;

    public TokenMint() throws Exception {
        this.realmKey = TestCertificates.authority("govhub realm test key");
        this.otherKey = TestCertificates.authority("not the realm's key");
    }

    /** The realm import's key provider component for the realm test key (passive: published, not used by Keycloak). */
    public ObjectNode keyProvider() throws Exception {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", "govhub-test-key");
        c.put("providerId", "rsa");
        c.putObject("subComponents");
        ObjectNode config = c.putObject("config");
        config.putArray("priority").add("10");
        config.putArray("enabled").add("true");
        config.putArray("active").add("false");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add(realmKey.privateKeyPem());
        config.putArray("certificate").add(realmKey.certificatePem());
        return c;
    }

    /** Finds the key id Keycloak gave the realm test key, from the issuer's JWK set. */
    public TokenMint connect(String issuer) throws Exception {
        this.issuer = issuer;
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer
                + "/protocol/openid-connect/certs")).build(), HttpResponse.BodyHandlers.ofString());
        BigInteger modulus = ((RSAPublicKey) realmKey.keys().getPublic()).getModulus();
        for (JsonNode k : JSON.readTree(jwks.body()).path("keys")) {
            if (k.has("n") && new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asText())).equals(modulus)) {
                this.kid = k.path("kid").asText();
                return this;
            }
        }
        throw new IllegalStateException("the realm test key is not in the JWK set: " + jwks.body());
    }

    /** The claims of a valid access token for the API, as Keycloak writes them. */
    public JWTClaimsSet.Builder valid(String username, List<String> roles, String division, String organisation) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).audience(List.of("govhub-api", "account"))
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString()).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("typ", "Bearer").claim("azp", "govhub-cli").claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles));
        if (division != null) {
            b.claim("division", division);
        }
        if (organisation != null) {
            b.claim("organisation", organisation);
        }
        return b;
    }

    /** Signed with the realm test key. */
    public String sign(JWTClaimsSet.Builder claims) throws Exception {
        return sign(claims, realmKey);
    }

    /** Signed with a key the realm does not have, under the realm test key's id. */
    public String signWithAnotherKey(JWTClaimsSet.Builder claims) throws Exception {
        return sign(claims, otherKey);
    }

    /** A valid token changed by one edit, signed with the realm test key. */
    public String variant(String username, List<String> roles, String division, String organisation,
                          Consumer<JWTClaimsSet.Builder> edit) throws Exception {
        JWTClaimsSet.Builder b = valid(username, roles, division, organisation);
        edit.accept(b);
        return sign(b);
    }

    /** An unsigned token ({@code alg: none}) with valid claims. */
    public String unsigned(JWTClaimsSet.Builder claims) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes())
                + "." + e.encodeToString(claims.build().toString().getBytes()) + ".";
    }

    private String sign(JWTClaimsSet.Builder claims, TestCertificates.Issued key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key.keys().getPrivate()));
        return jwt.serialize();
    }
}
