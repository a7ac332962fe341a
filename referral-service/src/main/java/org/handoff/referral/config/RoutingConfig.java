package org.handoff.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "handoff.referral")
public interface RoutingConfig {

    DeadlineWatch deadlineWatch();

    interface DeadlineWatch {
        /** Deadlines one watcher pass examines in one transaction. */
        @WithDefault("100")
        int batchSize();

        /** How often the watcher looks (a duration, or "off" where a test drives it on its own clock). */
        @WithDefault("15s")
        String every();
    }
}
