package org.handoff.notification.channel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:40:00Z");

    @Test
    void matchesAnIndependentlyComputedHmac() {
        // printf '1772440800.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertEquals("t=1772440800,v1=3aa765135f2b58c6cfff2668b780d7548a27158311a20e87e6167462b53c6640",
                WebhookSignature.header("secret", NOW, "{\"a\":1}"));
    }

    @Test
    void verifiesWhatItSignsAndNothingElse() {
        String header = WebhookSignature.header("s3cret", NOW, "{\"x\":1}");
        assertTrue(WebhookSignature.verify("s3cret", header, "{\"x\":1}", NOW.plusSeconds(30), Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("other", header, "{\"x\":1}", NOW, Duration.ofMinutes(5)), "wrong secret");
        assertFalse(WebhookSignature.verify("s3cret", header, "{\"x\":2}", NOW, Duration.ofMinutes(5)), "changed body");
        assertFalse(WebhookSignature.verify("s3cret", header, "{\"x\":1}", NOW.plus(Duration.ofMinutes(6)),
                Duration.ofMinutes(5)), "replayed too late");
        assertFalse(WebhookSignature.verify("s3cret", null, "{\"x\":1}", NOW, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("s3cret", "t=abc,v1=00", "{\"x\":1}", NOW, Duration.ofMinutes(5)));
    }
}
