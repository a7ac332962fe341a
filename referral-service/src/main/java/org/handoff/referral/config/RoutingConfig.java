package org.handoff.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "handoff.referral")
public interface RoutingConfig {

    /** Country whose SOP rule file (classpath routing/&lt;country&gt;.yaml) applies. */
    @WithDefault("kz")
    String country();

    /** A rule file on disk instead of the bundled one, for a country's own SOPs. */
    Optional<String> rulesFile();

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
