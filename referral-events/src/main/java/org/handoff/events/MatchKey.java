package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous match key for cross-agency de-duplication: a keyed hash of one survivor identifier.
 * Emitted by the reporting sector on {@link CaseReported}; consumed by the case registry (referral-service).
 * Raw identifiers never ride on events.
 *
 * @param kind which identifier was hashed
 * @param hash lower-case hex HMAC-SHA256, see {@link #compute(byte[], IdentifierKind, String)}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchKey(IdentifierKind kind, String hash) {

    public MatchKey {
        Checks.required(kind, "kind");
        Checks.matches(Checks.required(hash, "hash"), Checks.MATCH_KEY_HASH, "hash");
    }

    /**
     * Computes the match key every service must compute the same way:
     * {@code hex(HMAC-SHA256(secret, KIND + ":" + normalize(kind, raw)))}.
     *
     * @param secret the shared match-key secret (from configuration, never on the wire)
     */
    public static MatchKey compute(byte[] secret, IdentifierKind kind, String rawIdentifier) {
        Checks.required(secret, "secret");
        Checks.check(secret.length >= 16, "secret must be at least 16 bytes");
        String normalized = normalize(kind, rawIdentifier);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind.name() + ":" + normalized).getBytes(StandardCharsets.UTF_8));
            return new MatchKey(kind, HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Normalises an identifier before hashing: a national id keeps letters and digits, upper-cased;
     * a phone number keeps digits only (pass it in international form, e.g. {@code +996 555 123 456}).
     */
    public static String normalize(IdentifierKind kind, String rawIdentifier) {
        Checks.required(kind, "kind");
        Checks.required(rawIdentifier, "rawIdentifier");
        String normalized = switch (kind) {
            case NATIONAL_ID -> rawIdentifier.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
            case PHONE -> rawIdentifier.replaceAll("[^0-9]", "");
        };
        Checks.check(!normalized.isEmpty(), "identifier is empty after normalisation");
        return normalized;
    }
}
