package org.handoff.plumbing.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One audit row; {@link #hash()} chains it to the row before it in its lane. */
public record AuditEntry(long seq, int lane, long lanePosition, Instant recordedAt, String actorUser, String actorRole,
                         String actorAgency, String action, String targetType, String targetId, String detail,
                         String prevHash, String hash) {

    /** The hash the first row of a lane chains to. */
    public static final String GENESIS = "0".repeat(64);
    /** Separates the hashed fields (ASCII unit separator). */
    static final String SEPARATOR = "\u001f";

    /**
     * SHA-256 of {@code prevHash SEPARATOR fields}: {@link AuditLog} sends the fields and lets the
     * database prepend the lane's head, so the same canonical form is hashed in both places.
     */
    public static String hash(String prevHash, Instant recordedAt, String actorUser, String actorRole, String actorAgency,
                              String action, String targetType, String targetId, String detail) {
        return sha256(prevHash + SEPARATOR + fields(recordedAt, actorUser, actorRole, actorAgency, action, targetType,
                targetId, detail));
    }

    /** Everything the hash covers except the previous hash, in canonical form. */
    static String fields(Instant recordedAt, String actorUser, String actorRole, String actorAgency, String action,
                         String targetType, String targetId, String detail) {
        return String.join(SEPARATOR, recordedAt.toString(), actorUser, actorRole, actorAgency, action, targetType,
                targetId, detail == null ? "" : detail);
    }

    /** What this row's hash should be, recomputed from its fields and the given previous hash. */
    public String expectedHash(String previous) {
        return hash(previous, recordedAt, actorUser, actorRole, actorAgency, action, targetType, targetId, detail);
    }

    private static String sha256(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
