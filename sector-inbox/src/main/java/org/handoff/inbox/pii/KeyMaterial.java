package org.handoff.inbox.pii;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Reads a configured secret: hex (32, 48 or 64 digits, as {@code openssl rand -hex} writes it) or
 * base64 (as {@code openssl rand -base64} writes it). A base64 secret that is all hex digits of exactly
 * those lengths is astronomically unlikely, so the two cannot be confused in practice.
 */
public final class KeyMaterial {

    private static final Pattern HEX = Pattern.compile("^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{48}|[0-9a-fA-F]{64})$");

    private KeyMaterial() {
    }

    public static byte[] decode(String configured, String property) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(property + " is empty");
        }
        String value = configured.trim();
        if (HEX.matcher(value).matches()) {
            return HexFormat.of().parseHex(value);
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is neither hex nor base64");
        }
    }
}
