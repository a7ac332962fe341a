package org.handoff.referral.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.ReferralCompleted;
import org.handoff.events.ReferralDeclined;
import org.handoff.events.ReferralStatusEvent;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.consumer.PoisonEventException;
import org.handoff.referral.Referral;

/** A recipient's status report: only the recipient sector (and agency) may move its own referral. */
@ApplicationScoped
public class ReferralStatusService {

    private final ReferralTransitions transitions;
    private final AuditLog audit;

    public ReferralStatusService(ReferralTransitions transitions, AuditLog audit) {
        this.transitions = transitions;
        this.audit = audit;
    }

    public Uni<Void> onStatus(ReferralStatusEvent event, EventContext context) {
        return Referral.<Referral>findById(event.referralId()).chain(referral -> {
            checkParty(referral, event);
            StepReport report = new StepReport(event.targetState(), event.actor(), event.occurredAt(),
                    event instanceof ReferralDeclined declined ? declined.reason() : null, null,
                    event instanceof ReferralCompleted completed ? completed.outcome() : null);
            return transitions.apply(referral, report, context.correlationId()).invoke(transition -> {
                if (transition == Transition.ILLEGAL) {
                    throw new PoisonEventException("illegal transition " + referral.state + " -> " + report.state()
                            + " for referral " + referral.id);
                }
            }).call(transition -> audit.record(new AuditLog.Who(event.actor().userId(), event.actor().role(),
                    event.actor().agency()), "referral.status", "referral", referral.id.toString(),
                    report.state() + " (" + transition + ")"));
        }).replaceWithVoid();
    }

    private static void checkParty(Referral referral, ReferralStatusEvent event) {
        if (referral == null || !referral.caseId.equals(event.caseId())) {
            throw new PoisonEventException("no referral " + event.referralId() + " in case " + event.caseId());
        }
        if (event.sector() != referral.recipientSector) {
            throw new PoisonEventException("sector " + event.sector() + " may not move a referral addressed to "
                    + referral.recipientSector);
        }
        if (referral.recipientAgency != null && !referral.recipientAgency.equals(event.actor().agency())) {
            throw new PoisonEventException("agency " + event.actor().agency() + " may not move a referral addressed to "
                    + referral.recipientAgency);
        }
    }
}
