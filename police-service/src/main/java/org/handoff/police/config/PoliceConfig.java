package org.handoff.police.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Protection-order law (Kyrgyz defaults: due within 24 h of a HIGH-risk report, lasting 3 to 30 days). */
@ConfigMapping(prefix = "handoff.police.protection-order")
public interface PoliceConfig {

    @WithDefault("PT24H")
    Duration dueWithin();

    @WithDefault("3")
    int minDays();

    @WithDefault("30")
    int maxDays();
}
