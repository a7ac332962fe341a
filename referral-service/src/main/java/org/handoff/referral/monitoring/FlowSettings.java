package org.handoff.referral.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The flow monitor: how often the broker's offsets are sampled, and as whom. */
@ConfigMapping(prefix = "handoff.flows")
public interface FlowSettings {

    /** Also the window of the produce rates; the @Scheduled sampler reads the same property. */
    @WithDefault("15s")
    Duration sampleEvery();

    /** How often the referral gauges (by state, needing attention) are sampled; ReferralGauges' @Scheduled reads it. */
    @WithDefault("30s")
    Duration referralGaugesEvery();

    /**
     * The SASL login of the Describe-only broker user {@code flow-monitor} (deploy/kafka/acls.txt); when
     * absent the service's own broker settings are used (the test broker has no users).
     */
    Optional<String> saslJaasConfig();
}
