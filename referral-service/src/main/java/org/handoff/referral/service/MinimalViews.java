package org.handoff.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.CaseReported;
import org.handoff.events.ContactMethod;
import org.handoff.events.DataCategory;
import org.handoff.events.HealthView;
import org.handoff.events.PoliceView;
import org.handoff.events.RiskItem;
import org.handoff.events.RiskLevel;
import org.handoff.events.SafeContact;
import org.handoff.events.ServiceType;
import org.handoff.events.SocialView;
import org.handoff.events.SurvivorView;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each sector gets only what it needs and what the survivor agreed to share: no free text, no
 * identifiers, risk answers only with the RISK_ASSESSMENT category, contact only with CONTACT.
 */
@ApplicationScoped
public class MinimalViews {

    private final DeadlinePlanner planner;

    public MinimalViews(DeadlinePlanner planner) {
        this.planner = planner;
    }

    public SurvivorView survivor(CaseReported report, Set<DataCategory> shared) {
        var survivor = report.survivor();
        SafeContact contact = shared.contains(DataCategory.CONTACT)
                ? survivor.safeContact()
                : SafeContact.of(ContactMethod.VIA_REFERRER);
        return new SurvivorView(survivor.ref(), survivor.ageYears(), survivor.minor(), survivor.preferredLanguage(), contact);
    }

    public HealthView health(CaseReported report, Set<ServiceType> services, Set<DataCategory> shared) {
        var incident = report.incident();
        Boolean pregnancy = shared.contains(DataCategory.HEALTH) && report.risk() != null
                ? report.risk().yes(RiskItem.PREGNANCY_OR_NEW_BABY) : null;
        return new HealthView(incident.type(), incident.occurredAt(), incident.timeApproximate(),
                incident.injuryReported(), pregnancy, planner.clinicalWindows(incident.type(), incident.occurredAt()),
                services);
    }

    public PoliceView police(CaseReported report, RiskLevel risk, Set<ServiceType> services, Set<DataCategory> shared) {
        var incident = report.incident();
        Instant protectionOrderDue = services.contains(ServiceType.PROTECTION_ORDER) && risk == RiskLevel.HIGH
                ? report.occurredAt().plus(planner.protectionOrderDue()) : null;
        return new PoliceView(incident.type(), incident.occurredAt(), incident.timeApproximate(), risk,
                riskFactors(report, shared), incident.priorIncidentsLast12Months(), services, protectionOrderDue);
    }

    public SocialView social(CaseReported report, RiskLevel risk, Set<ServiceType> services, Set<DataCategory> shared) {
        return new SocialView(report.incident().type(), risk, riskFactors(report, shared),
                report.survivor().dependentChildren(), services);
    }

    private static Set<RiskItem> riskFactors(CaseReported report, Set<DataCategory> shared) {
        if (!shared.contains(DataCategory.RISK_ASSESSMENT) || report.risk() == null) {
            return EnumSet.noneOf(RiskItem.class);
        }
        return report.risk().answers().entrySet().stream()
                .filter(entry -> Boolean.TRUE.equals(entry.getValue()))
                .map(java.util.Map.Entry::getKey)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RiskItem.class)));
    }
}
