package io.govhub.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: {@code hash = SHA-256(previous hash, time, event, user, reason, data)}, each field on
 * its own line, data as canonical JSON (keys sorted). The first event follows 64 zeros.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    /** The outcome of checking the chain: where it first breaks, if it does. */
    public record Verification(boolean valid, long checked, Long firstInvalidId, long outsideChain) {
    }

    private AuditChain() {
    }

    public static String hash(String previousHash, Instant at, String event, String user, String reason,
                              String canonicalData) {
        String text = previousHash + "\n" + at + "\n" + event + "\n" + user + "\n" + (reason == null ? "" : reason) + "\n"
                + canonicalData;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
