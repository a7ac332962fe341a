package org.handoff.plumbing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Which country's SOP rule file every service reads (org.handoff.events.RuleFiles): referral-service
 * its rules, deadlines and risk scale, the sector services its risk scale. One setting for all, so the
 * services of one deployment cannot score a report on two different scales.
 */
@ConfigMapping(prefix = "handoff.rules")
public interface RulesConfig {

    /** Country whose bundled rule file (classpath routing/&lt;country&gt;.yaml) applies. */
    @WithDefault("kz")
    String country();

    /** A rule file on disk instead of the bundled one, for a country's own SOPs (env HANDOFF_RULES_FILE). */
    Optional<String> file();
}
