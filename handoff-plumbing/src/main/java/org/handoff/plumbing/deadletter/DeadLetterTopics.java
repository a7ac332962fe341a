package org.handoff.plumbing.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The dead-letter topics of this service, looked up rather than listed: {@code <topic>.dlq} for every
 * topic an incoming Kafka channel of this service reads ({@code mp.messaging.incoming.<channel>.topic}
 * or {@code .topics}), the topics its consumers dead-letter to.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Pattern CHANNEL_TOPICS = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topics?");
    public static final String SUFFIX = ".dlq";

    private final Set<String> topics;

    public DeadLetterTopics(Config config) {
        Set<String> found = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (CHANNEL_TOPICS.matcher(name).matches()) {
                config.getOptionalValue(name, String.class).ifPresent(value -> Arrays.stream(value.split(","))
                        .map(String::trim).filter(topic -> !topic.isEmpty()).forEach(topic -> found.add(topic + SUFFIX)));
            }
        }
        this.topics = Set.copyOf(found);
    }

    /** Every dead-letter topic this service writes to and may read back. */
    public Set<String> all() {
        return topics;
    }

    public boolean isOurs(String dlqTopic) {
        return topics.contains(dlqTopic);
    }
}
