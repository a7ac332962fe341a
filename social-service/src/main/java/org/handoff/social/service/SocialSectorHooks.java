package org.handoff.social.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.CaseReported;
import org.handoff.events.ReferralRequested;
import org.handoff.events.RiskLevel;
import org.handoff.inbox.InboxReferral;
import org.handoff.inbox.SurvivorReport;
import org.handoff.inbox.service.InboxListener;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.IntakeListener;
import org.handoff.social.ChildProtectionNotification;

import java.time.Clock;
import java.util.UUID;

/**
 * A minor always triggers child protection, whether the case came as a report taken here or as a
 * referral; it is a legal duty, so a later cancellation or consent withdrawal does not undo it.
 */
@ApplicationScoped
public class SocialSectorHooks implements IntakeListener, InboxListener {

    private final Clock clock;

    public SocialSectorHooks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> reported(SurvivorReport report, CaseReported event, RiskLevel riskLevel) {
        return report.minor ? notify(report.caseId, report.agency, "REPORT", report.id) : Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> received(InboxReferral referral, ReferralRequested request) {
        return request.survivor().minor()
                ? notify(referral.caseId, referral.agency, "REFERRAL", referral.referralId)
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> notify(UUID caseId, String agency, String source, UUID sourceId) {
        ChildProtectionNotification notification = new ChildProtectionNotification();
        notification.id = UUID.randomUUID();
        notification.caseId = caseId;
        notification.agency = agency;
        notification.source = source;
        notification.sourceId = sourceId;
        notification.createdAt = Instants.now(clock);
        return notification.persist().replaceWithVoid();
    }
}
