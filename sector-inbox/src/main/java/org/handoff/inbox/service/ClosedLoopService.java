package org.handoff.inbox.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralOverdue;
import org.handoff.events.ReferralState;
import org.handoff.inbox.OriginReferral;
import org.handoff.inbox.OriginReferralStep;
import org.handoff.inbox.config.SectorConfig;
import org.handoff.inbox.repository.OriginReferralRepository;
import org.handoff.plumbing.consumer.PoisonEventException;

import java.time.Clock;

/**
 * Keeps the live status of the referrals this sector's reports caused, so the referring officer sees
 * who accepted and when. Events of one case arrive in order (key = case id); a late or repeated one
 * that would move a referral backwards is recorded in the steps but does not change the status.
 */
@ApplicationScoped
public class ClosedLoopService {

    private final OriginReferralRepository referrals;
    private final SectorConfig sector;
    private final Clock clock;

    public ClosedLoopService(OriginReferralRepository referrals, SectorConfig sector, Clock clock) {
        this.referrals = referrals;
        this.sector = sector;
        this.clock = clock;
    }

    public Uni<Void> changed(ReferralLifecycleChanged event) {
        if (event.referringSector() != sector.sector()) {
            // this sector's lifecycle topic carries only the referrals its own reports caused
            throw new PoisonEventException("lifecycle of a referral made by " + event.referringSector()
                    + " arrived on the " + sector.sector() + " lifecycle topic");
        }
        return referrals.findById(event.referralId()).chain(existing -> {
            OriginReferral referral = existing != null ? existing : create(event);
            if (existing == null || referral.state.canMoveTo(event.toState())) {
                referral.state = event.toState();
                referral.declineReason = event.declineReason();
                referral.cancellationReason = event.cancellationReason();
                referral.outcome = event.outcome();
                if (event.toState().rank() >= ReferralState.ACCEPTED.rank() || event.toState().isTerminal()) {
                    referral.overdue = false;
                }
            }
            if (event.recipientAgency() != null) {
                referral.recipientAgency = event.recipientAgency();
            }
            referral.updatedAt = Instants.now(clock);
            return referrals.persist(referral).chain(() -> step(event));
        });
    }

    public Uni<Void> overdue(ReferralOverdue event) {
        return referrals.findById(event.referralId()).chain(referral -> {
            if (referral == null || referral.state.isTerminal()) {
                return Uni.createFrom().voidItem();
            }
            referral.overdue = true;
            referral.updatedAt = Instants.now(clock);
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> step(ReferralLifecycleChanged event) {
        OriginReferralStep.Key key = new OriginReferralStep.Key(event.referralId(), event.toState());
        return OriginReferralStep.<OriginReferralStep>findById(key).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            OriginReferralStep step = new OriginReferralStep();
            step.key = key;
            step.fromState = event.fromState();
            step.actorUser = event.actor().userId();
            step.actorRole = event.actor().role();
            step.actorAgency = event.actor().agency();
            step.occurredAt = event.occurredAt();
            step.latencyMillis = event.latencyMillis();
            return step.persist().replaceWithVoid();
        });
    }

    private static OriginReferral create(ReferralLifecycleChanged event) {
        OriginReferral referral = new OriginReferral();
        referral.referralId = event.referralId();
        referral.caseId = event.caseId();
        referral.recipientSector = event.recipientSector();
        referral.referringAgency = event.referringAgency();
        referral.priority = event.priority();
        return referral;
    }
}
