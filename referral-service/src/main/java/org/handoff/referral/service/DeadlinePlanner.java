package org.handoff.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.ClinicalWindow;
import org.handoff.events.ClinicalWindowKind;
import org.handoff.events.Deadlines;
import org.handoff.events.IncidentType;
import org.handoff.events.Priority;
import org.handoff.events.Sector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Receipt and acceptance deadlines by priority; a closing clinical window pulls a health acceptance forward. */
@ApplicationScoped
public class DeadlinePlanner {

    private final RoutingRules rules;

    public DeadlinePlanner(RoutingRules rules) {
        this.rules = rules;
    }

    public Deadlines deadlines(Priority priority, Sector sector, IncidentType type, Instant incidentAt, Instant now) {
        RoutingRules.DeadlinePolicy policy = rules.deadlines().get(priority);
        Instant receiptDue = now.plus(policy.receipt());
        Instant acceptanceDue = now.plus(policy.acceptance());
        if (sector == Sector.HEALTH) {
            Instant closing = clinicalWindows(type, incidentAt).stream()
                    .map(ClinicalWindow::closesAt)
                    .filter(now::isBefore)
                    .min(Comparator.naturalOrder())
                    .orElse(acceptanceDue);
            if (closing.isBefore(acceptanceDue)) {
                acceptanceDue = closing.isBefore(receiptDue) ? receiptDue : closing;
            }
        }
        return new Deadlines(receiptDue, acceptanceDue);
    }

    /** The windows that apply to the incident, soonest first; empty unless it was sexual violence. */
    public List<ClinicalWindow> clinicalWindows(IncidentType type, Instant incidentAt) {
        if (!type.isSexualViolence()) {
            return List.of();
        }
        RoutingRules.ClinicalWindowPolicy windows = rules.clinicalWindows();
        List<ClinicalWindow> result = new ArrayList<>();
        result.add(new ClinicalWindow(ClinicalWindowKind.POST_EXPOSURE_PROPHYLAXIS, incidentAt.plus(windows.postExposureProphylaxis())));
        result.add(new ClinicalWindow(ClinicalWindowKind.EMERGENCY_CONTRACEPTION, incidentAt.plus(windows.emergencyContraception())));
        Duration forensic = windows.forensicExamination().get(type);
        if (forensic != null) {
            result.add(new ClinicalWindow(ClinicalWindowKind.FORENSIC_EXAMINATION, incidentAt.plus(forensic)));
        }
        result.sort(Comparator.comparing(ClinicalWindow::closesAt));
        return result;
    }

    public Duration escalationInterval(Priority priority) {
        return rules.escalation().repeatEvery().get(priority);
    }

    public int maxEscalationLevel() {
        return rules.escalation().maxLevel();
    }

    public Duration protectionOrderDue() {
        return rules.protectionOrderDue();
    }
}
