package org.handoff.inbox.pii;

import org.handoff.inbox.config.PiiConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PiiCipherTest {

    private static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private static PiiCipher cipher(String active, Map<String, String> keys) {
        return new PiiCipher(new PiiConfig() {
            public String activeKey() {
                return active;
            }

            public Map<String, String> keys() {
                return keys;
            }
        });
    }

    @Test
    void sealedDataOpensOnlyForTheRowItWasSealedFor() {
        PiiCipher cipher = cipher("k1", Map.of("k1", NEW));
        byte[] plain = "Aigerim Sadykova".getBytes(StandardCharsets.UTF_8);
        PiiCipher.Sealed sealed = cipher.seal(plain, "row-1");
        assertEquals("k1", sealed.keyId());
        assertFalse(new String(sealed.data(), StandardCharsets.ISO_8859_1).contains("Aigerim"));
        assertArrayEquals(plain, cipher.open(sealed, "row-1"));
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "row-2"));
        sealed.data()[sealed.data().length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "row-1"), "tampering is detected");
    }

    @Test
    void afterRotationOldRowsStillOpenAndNewRowsUseTheNewKey() {
        PiiCipher.Sealed old = cipher("k1", Map.of("k1", OLD)).seal(new byte[]{1, 2, 3}, "r");
        PiiCipher rotated = cipher("k2", Map.of("k1", OLD, "k2", NEW));
        assertArrayEquals(new byte[]{1, 2, 3}, rotated.open(old, "r"));
        assertEquals("k2", rotated.seal(new byte[]{4}, "r").keyId());
    }

    @Test
    void aMissingOrMalformedKeyStopsTheServiceFromStarting() {
        assertThrows(IllegalStateException.class, () -> cipher("k9", Map.of("k1", NEW)));
        assertThrows(IllegalStateException.class, () -> cipher("k1", Map.of("k1", "c2hvcnQ=")));
        assertThrows(IllegalStateException.class, () -> cipher("k1", Map.of("k1", "not base64!")));
    }

    @Test
    void keysMayBeGivenInHexAsTheLocalScriptsGenerateThem() {
        String hex = "00112233445566778899aabbccddeeff0011223344556677";
        PiiCipher cipher = cipher("k1", Map.of("k1", hex));
        assertArrayEquals(new byte[]{9}, cipher.open(cipher.seal(new byte[]{9}, "r"), "r"));
        assertEquals(24, KeyMaterial.decode(hex, "x").length);
        assertEquals(32, KeyMaterial.decode(NEW, "x").length);
    }

    @Test
    void maskingKeepsOnlyEnoughToConfirm() {
        assertEquals("A****** S*******", Masking.name("Aigerim Sadykova"));
        assertEquals("*********1234", Masking.tail("AN00000001234", 4));
        assertEquals("***", Masking.hidden("Abay avenue 10"));
    }
}
