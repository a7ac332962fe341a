package org.handoff.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MatchKeyTest {

    private static final byte[] SECRET = "handoff-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    @Test
    void phoneKeyIsHmacOfDigitsOnly() {
        // reference value: HMAC-SHA256(secret, "PHONE:996555123456") computed independently
        MatchKey key = MatchKey.compute(SECRET, IdentifierKind.PHONE, "+996 (555) 123-456");
        assertEquals(IdentifierKind.PHONE, key.kind());
        assertEquals("585df5422ec4ae0e418d18635f44bd005635e85152d3b55546311cbd9304132c", key.hash());
        assertEquals(key, MatchKey.compute(SECRET, IdentifierKind.PHONE, "996555123456"));
    }

    @Test
    void nationalIdKeyIgnoresCaseAndSeparators() {
        MatchKey key = MatchKey.compute(SECRET, IdentifierKind.NATIONAL_ID, "an 123-4567");
        assertEquals("9ffc3dc9f8bd699460a56b738fbeb8ac46ffffa55ac1e9747fbe1d915df8768e", key.hash());
    }

    @Test
    void kindAndSecretChangeTheKey() {
        MatchKey phone = MatchKey.compute(SECRET, IdentifierKind.PHONE, "123456789");
        MatchKey id = MatchKey.compute(SECRET, IdentifierKind.NATIONAL_ID, "123456789");
        MatchKey other = MatchKey.compute("another-secret-of-some-length".getBytes(StandardCharsets.UTF_8),
                IdentifierKind.PHONE, "123456789");
        assertNotEquals(phone.hash(), id.hash());
        assertNotEquals(phone.hash(), other.hash());
    }

    @Test
    void rejectsWeakSecretsEmptyIdentifiersAndMalformedHashes() {
        assertThrows(IllegalArgumentException.class,
                () -> MatchKey.compute("short".getBytes(StandardCharsets.UTF_8), IdentifierKind.PHONE, "123"));
        assertThrows(IllegalArgumentException.class, () -> MatchKey.compute(SECRET, IdentifierKind.PHONE, "+ ( )"));
        assertThrows(IllegalArgumentException.class, () -> new MatchKey(IdentifierKind.PHONE, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> new MatchKey(IdentifierKind.PHONE, "996555123456"));
        assertThrows(NullPointerException.class, () -> new MatchKey(null, "0".repeat(64)));
    }
}
