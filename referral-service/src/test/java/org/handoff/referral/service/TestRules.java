package org.handoff.referral.service;

import org.handoff.referral.config.RoutingRulesProducerAccess;

/** The bundled default rule file, as production loads it. */
final class TestRules {

    static final RoutingRules KZ = RoutingRulesProducerAccess.bundled("kz");

    private TestRules() {
    }
}
