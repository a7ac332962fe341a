package org.handoff.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Consent;
import org.handoff.events.DataCategory;
import org.handoff.events.LegalOverrideRecord;
import org.handoff.events.Priority;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the country's SOP rules to a case: which sectors get a referral, at what priority, for
 * which services; then consent per sector, or a legal override with its reason, decides whether it
 * is sent. The originating sector already holds the case and gets no referral.
 */
@ApplicationScoped
public class SopRouter {

    /** Shared under a legal override without consent: only what the recipient needs to act. */
    static final Set<DataCategory> OVERRIDE_CATEGORIES = EnumSet.of(DataCategory.CONTACT, DataCategory.INCIDENT,
            DataCategory.RISK_ASSESSMENT);

    private final RoutingRules rules;

    public SopRouter(RoutingRules rules) {
        this.rules = rules;
    }

    public List<PlannedReferral> route(CaseFacts facts, Instant now, Sector origin, List<Consent> consents,
                                       List<LegalOverrideRecord> overrides) {
        Map<Sector, Accumulator> bySector = new EnumMap<>(Sector.class);
        for (RoutingRules.Rule rule : rules.rules()) {
            if (matches(rule.when(), facts, now)) {
                bySector.computeIfAbsent(rule.then().sector(), s -> new Accumulator()).add(rule);
            }
        }
        bySector.remove(origin);
        List<PlannedReferral> plan = new ArrayList<>();
        bySector.forEach((sector, acc) -> plan.add(decide(sector, acc, facts, consents, overrides)));
        return plan;
    }

    /** A referral asked for by a case manager: consent or a recorded override still decides. */
    public PlannedReferral manual(Sector sector, Priority priority, Set<ServiceType> services, List<Consent> consents,
                                  List<LegalOverrideRecord> overrides, CaseFacts facts) {
        Accumulator acc = new Accumulator();
        acc.priority = priority;
        acc.services.addAll(services);
        acc.rules.add("case-manager");
        return decide(sector, acc, facts, consents, overrides);
    }

    private PlannedReferral decide(Sector sector, Accumulator acc, CaseFacts facts, List<Consent> consents,
                                   List<LegalOverrideRecord> overrides) {
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        services.addAll(acc.services);
        Set<ServiceType> offered = rules.sectorServices().getOrDefault(sector, Set.of());
        facts.servicesRequested().stream().filter(offered::contains).forEach(services::add);
        List<String> ruleIds = List.copyOf(acc.rules);

        Optional<Consent> consent = latestConsent(consents, sector);
        if (consent.isPresent() && consent.get().granted()) {
            return new PlannedReferral(sector, acc.priority, services, ruleIds, true, null, null,
                    consent.get().dataCategories());
        }
        Optional<LegalOverrideRecord> recorded = overrides.stream().filter(o -> o.sectors().contains(sector)).findFirst();
        if (recorded.isPresent()) {
            return new PlannedReferral(sector, acc.priority, services, ruleIds, true, recorded.get().basis(),
                    recorded.get().reason(), OVERRIDE_CATEGORIES);
        }
        if (acc.statutory != null) {
            return new PlannedReferral(sector, acc.priority, services, ruleIds, true, acc.statutory.basis(),
                    acc.statutory.reason(), OVERRIDE_CATEGORIES);
        }
        return new PlannedReferral(sector, acc.priority, services, ruleIds, false, null, null, Set.of());
    }

    private static Optional<Consent> latestConsent(List<Consent> consents, Sector sector) {
        return consents.stream().filter(c -> c.sector() == sector)
                .reduce((a, b) -> b.recordedAt().isBefore(a.recordedAt()) ? a : b);
    }

    static boolean matches(RoutingRules.Condition when, CaseFacts facts, Instant now) {
        if (when.incidentTypes() != null && !when.incidentTypes().contains(facts.incidentType())) {
            return false;
        }
        if (when.withinOfIncident() != null
                && Duration.between(facts.incidentAt(), now).compareTo(when.withinOfIncident()) > 0) {
            return false;
        }
        if (when.riskAtLeast() != null && facts.risk().ordinal() < when.riskAtLeast().ordinal()) {
            return false;
        }
        if (when.minor() != null && when.minor() != facts.minor()) {
            return false;
        }
        if (when.injuryReported() != null && when.injuryReported() != facts.injuryReported()) {
            return false;
        }
        return when.servicesRequestedAny() == null
                || when.servicesRequestedAny().stream().anyMatch(facts.servicesRequested()::contains);
    }

    /** Several rules may route to one sector: one referral, at the most urgent priority, for all their services. */
    private static final class Accumulator {
        Priority priority;
        final Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        final Set<String> rules = new LinkedHashSet<>();
        RoutingRules.StatutoryOverride statutory;

        void add(RoutingRules.Rule rule) {
            RoutingRules.Action then = rule.then();
            if (priority == null || then.priority().ordinal() < priority.ordinal()) {
                priority = then.priority();
            }
            if (then.services() != null) {
                services.addAll(then.services());
            }
            rules.add(rule.id());
            if (then.statutoryOverride() != null) {
                statutory = then.statutoryOverride();
            }
        }
    }
}
