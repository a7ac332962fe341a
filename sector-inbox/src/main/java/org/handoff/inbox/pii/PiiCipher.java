package org.handoff.inbox.pii;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.inbox.config.PiiConfig;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AES-256/GCM sealing of survivor PII. The row id is bound as associated data, so a ciphertext
 * copied onto another row does not open. Started eagerly: a service with a missing or malformed key
 * refuses to start instead of failing on the first report.
 */
@Startup
@ApplicationScoped
public class PiiCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String activeKey;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PiiConfig config) {
        config.keys().forEach((id, base64) -> keys.put(id, key(id, base64)));
        if (!keys.containsKey(config.activeKey())) {
            throw new IllegalStateException("handoff.pii.active-key '" + config.activeKey()
                    + "' has no handoff.pii.keys." + config.activeKey() + " entry");
        }
        this.activeKey = config.activeKey();
    }

    /** Ciphertext and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] data) {
    }

    public Sealed seal(byte[] plaintext, String boundTo) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return new Sealed(activeKey, ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII cannot be sealed", e);
        }
    }

    public byte[] open(Sealed sealed, String boundTo) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("PII sealed with key '" + sealed.keyId() + "', which is no longer configured");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.data(), 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.data(), IV_BYTES, sealed.data().length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII cannot be opened: wrong key or tampered ciphertext", e);
        }
    }

    public String activeKeyId() {
        return activeKey;
    }

    private static SecretKey key(String id, String configured) {
        byte[] bytes = KeyMaterial.decode(configured, "handoff.pii.keys." + id);
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("handoff.pii.keys." + id + " must be 16, 24 or 32 bytes, is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
