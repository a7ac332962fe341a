package org.handoff.plumbing.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One audit row; {@link #hash()} chains it to the row before. */
public record AuditEntry(long seq, Instant recordedAt, String actorUser, String actorRole, String actorAgency,
                         String action, String targetType, String targetId, String detail, String prevHash,
                         String hash) {

    /** The hash the first row chains to. */
    public static final String GENESIS = "0".repeat(64);

    public static String hash(String prevHash, Instant recordedAt, String actorUser, String actorRole, String actorAgency,
                              String action, String targetType, String targetId, String detail) {
        String canonical = String.join("\u001f", prevHash, recordedAt.toString(), actorUser, actorRole, actorAgency,
                action, targetType, targetId, detail == null ? "" : detail);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** What this row's hash should be, recomputed from its fields and the given previous hash. */
    public String expectedHash(String previous) {
        return hash(previous, recordedAt, actorUser, actorRole, actorAgency, action, targetType, targetId, detail);
    }
}
