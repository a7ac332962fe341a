package org.handoff.referral.service;

import org.handoff.events.IncidentType;
import org.handoff.events.LegalOverride;
import org.handoff.events.Priority;
import org.handoff.events.RiskLevel;
import org.handoff.events.RiskScale;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One country's SOP as read from its rule file ({@link org.handoff.events.RuleFiles}; referral-events routing/kz.yaml). */
public record RoutingRules(String country, RiskScale risk, Map<Priority, DeadlinePolicy> deadlines,
                           EscalationPolicy escalation, ClinicalWindowPolicy clinicalWindows,
                           Duration protectionOrderDue, Map<Sector, Set<ServiceType>> sectorServices,
                           Map<String, Map<Sector, String>> agencies, List<Rule> rules) {

    public record DeadlinePolicy(Duration receipt, Duration acceptance) {
    }

    public record EscalationPolicy(int maxLevel, Map<Priority, Duration> repeatEvery) {
    }

    public record ClinicalWindowPolicy(Duration postExposureProphylaxis, Duration emergencyContraception,
                                       Map<IncidentType, Duration> forensicExamination) {
    }

    public record Rule(String id, Condition when, Action then) {
    }

    /** Every condition given must hold; an absent one does not constrain. */
    public record Condition(Set<IncidentType> incidentTypes, Duration withinOfIncident, RiskLevel riskAtLeast,
                            Boolean minor, Boolean injuryReported, Set<ServiceType> servicesRequestedAny) {
    }

    public record Action(Sector sector, Priority priority, Set<ServiceType> services, StatutoryOverride statutoryOverride) {
    }

    /** A legal basis that sends the referral without consent; its reason is recorded with the decision. */
    public record StatutoryOverride(LegalOverride basis, String reason) {
    }

    public Optional<String> agency(String region, Sector sector) {
        return Optional.ofNullable(agencies).map(byRegion -> byRegion.get(region)).map(bySector -> bySector.get(sector));
    }

    /** Fails at start-up, not at the first report, when the file is incomplete. */
    public RoutingRules validate() {
        require(country != null && risk != null && escalation != null && clinicalWindows != null
                && protectionOrderDue != null && sectorServices != null && rules != null, "a top-level section is missing");
        for (Priority priority : Priority.values()) {
            DeadlinePolicy policy = deadlines.get(priority);
            require(policy != null && policy.receipt() != null && policy.acceptance() != null
                    && policy.acceptance().compareTo(policy.receipt()) >= 0, "deadlines for " + priority + " are missing or inverted");
            require(escalation.repeatEvery().get(priority) != null, "escalation repeat-every for " + priority + " is missing");
        }
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            require(rule.id() != null && ids.add(rule.id()), "rule ids must be present and unique: " + rule.id());
            require(rule.when() != null && rule.then() != null && rule.then().sector() != null
                    && rule.then().priority() != null, "rule " + rule.id() + " needs when, then.sector and then.priority");
            require(rule.then().statutoryOverride() == null || (rule.then().statutoryOverride().basis() != null
                    && rule.then().statutoryOverride().reason() != null), "rule " + rule.id() + ": an override needs a basis and a reason");
        }
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("routing rule file: " + message);
        }
    }
}
