package org.handoff.inbox.config;

import io.smallrye.config.ConfigMapping;

/** The secret every agency shares for pseudonymous match keys; it never leaves configuration. */
@ConfigMapping(prefix = "handoff.match-key")
public interface MatchKeyConfig {

    /** Hex or base64, at least 16 bytes. */
    String secret();
}
