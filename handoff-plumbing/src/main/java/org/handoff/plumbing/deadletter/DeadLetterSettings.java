package org.handoff.plumbing.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "handoff.dead-letters")
public interface DeadLetterSettings {

    /**
     * At most this many records are read per dead-letter topic partition, newest kept; a DLQ that
     * long is an incident in itself (the alert fires long before), and the browse stays bounded.
     */
    @WithDefault("10000")
    int maxPerPartition();

    /** How long one read of the dead-letter topics may take before it returns what it has. */
    @WithDefault("10s")
    Duration readTimeout();

    Replay replay();

    interface Replay {
        /** A bulk replay applies at most this many records per second, so it cannot swamp live traffic. */
        @WithDefault("20")
        int ratePerSecond();

        /** One bulk replay takes at most this many records; ask again for the rest. */
        @WithDefault("1000")
        int maxRecords();

        /** Finished bulk replays stay watchable this long (in memory: each record's outcome is also stored). */
        @WithDefault("PT24H")
        Duration keepFinished();
    }
}
