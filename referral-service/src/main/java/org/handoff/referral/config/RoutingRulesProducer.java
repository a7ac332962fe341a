package org.handoff.referral.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.handoff.events.RuleFiles;
import org.handoff.plumbing.RulesConfig;
import org.handoff.referral.service.RoutingRules;

import java.util.Optional;

public class RoutingRulesProducer {

    /** Fails at start-up, not at the first report, when the file is incomplete. */
    @Produces
    @Singleton
    RoutingRules rules(RulesConfig config) {
        return RuleFiles.read(config.file(), config.country(), RoutingRules.class).validate();
    }

    static RoutingRules bundled(String country) {
        return RuleFiles.read(Optional.empty(), country, RoutingRules.class).validate();
    }
}
