package org.handoff.referral.config;

import org.handoff.referral.service.RoutingRules;

/** Lets plain unit tests load a rule file exactly the way the service does. */
public final class RoutingRulesProducerAccess {

    private RoutingRulesProducerAccess() {
    }

    public static RoutingRules bundled(String country) {
        return RoutingRulesProducer.bundled(country);
    }
}
