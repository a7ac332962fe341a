package org.handoff.plumbing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Only the connection settings (servers, security, SASL, TLS) of the service's broker configuration
 * ({@code @Identifier("default-kafka-broker")}): what a client of its own — the dead-letter reader,
 * the flow monitor — needs to reach the broker, without the channels' consumer and producer settings.
 */
public final class KafkaConnection {

    private static final List<String> PREFIXES = List.of("bootstrap.servers", "security.", "sasl.", "ssl.",
            "client.dns.lookup");

    private KafkaConnection() {
    }

    public static Map<String, Object> settings(Map<String, Object> broker) {
        Map<String, Object> kept = new HashMap<>();
        broker.forEach((key, value) -> {
            if (PREFIXES.stream().anyMatch(key::startsWith)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
