package org.handoff.inbox.config;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/**
 * AES-GCM keys for survivor PII at rest. Every key ever used stays configured so old rows can be
 * read; new rows are sealed with the active key and carry its id (rotation = add a key, switch active).
 */
@ConfigMapping(prefix = "handoff.pii")
public interface PiiConfig {

    /** Id of the key that seals new data. */
    String activeKey();

    /** Key id to AES key (16, 24 or 32 bytes), hex or base64. */
    Map<String, String> keys();
}
