package org.handoff.plumbing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "handoff.messaging")
public interface MessagingConfig {

    /** CloudEvents source of everything this service publishes, e.g. /services/police-service. */
    String source();

    /** Prepended to every topic; lets test suites of different services share one broker without reading each other's events. */
    @WithName("topic-prefix")
    Optional<String> topicPrefix();

    Outbox outbox();

    Consumer consumer();

    default String topic(String logicalName) {
        return topicPrefix().orElse("") + logicalName;
    }

    interface Outbox {
        /** Rows one relay pass claims, publishes and marks in a single transaction. */
        @WithDefault("200")
        int batchSize();

        /** LISTEN/NOTIFY wakes the relay; this slow poll only catches a lost notification or a broker outage. */
        @WithDefault("10s")
        Duration safetyPoll();

        /** Sent rows are kept this long for inspection, then deleted. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Consumer {
        /**
         * An event whose failure is neither its own fault nor the infrastructure's (FailureKind.UNKNOWN) is
         * retried this often before it goes to the DLQ. Infrastructure failures are retried without limit.
         */
        @WithDefault("3")
        int maxRetries();

        /** First wait before a retry; doubled on each further attempt up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest wait between two attempts while a part is down. */
        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * Processed-event ids are kept this long, then purged; must exceed every redelivery window
         * (topic retention, dead-letter replay), or a late redelivery would be applied twice.
         */
        @WithDefault("P30D")
        Duration ledgerRetention();
    }
}
