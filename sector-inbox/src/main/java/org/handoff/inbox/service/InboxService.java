package org.handoff.inbox.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.handoff.events.Actor;
import org.handoff.events.CompletionOutcome;
import org.handoff.events.ConsentWithdrawn;
import org.handoff.events.DeclineReason;
import org.handoff.events.EventJson;
import org.handoff.events.ReferralAccepted;
import org.handoff.events.ReferralCancelled;
import org.handoff.events.ReferralCompleted;
import org.handoff.events.ReferralDeclined;
import org.handoff.events.ReferralReceived;
import org.handoff.events.ReferralRequested;
import org.handoff.events.ReferralStarted;
import org.handoff.events.ReferralState;
import org.handoff.events.ReferralStatusEvent;
import org.handoff.events.ServiceType;
import org.handoff.events.Topics;
import org.handoff.inbox.InboxReferral;
import org.handoff.inbox.config.SectorConfig;
import org.handoff.inbox.repository.InboxRepository;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.consumer.PoisonEventException;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;
import org.handoff.plumbing.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The recipient side of a referral, the same in every sector: store what arrives on the inbox and
 * answer with a system receipt at once; let the agency accept, decline, start and complete; honour
 * cancellation and consent withdrawal. Every change and the status event announcing it commit in
 * one transaction (the outbox); callers provide that transaction.
 */
@ApplicationScoped
public class InboxService {

    private final InboxRepository referrals;
    private final Outbox outbox;
    private final Clock clock;
    private final SectorConfig sector;
    private final Instance<InboxListener> listeners;

    public InboxService(InboxRepository referrals, Outbox outbox, Clock clock, SectorConfig sector,
                        Instance<InboxListener> listeners) {
        this.referrals = referrals;
        this.outbox = outbox;
        this.clock = clock;
        this.sector = sector;
        this.listeners = listeners;
    }

    // ---- from the inbox topic ----

    public Uni<Void> receive(ReferralRequested request, EventContext context) {
        if (request.recipientSector() != sector.sector()) {
            throw new PoisonEventException("a " + request.recipientSector() + " referral on the "
                    + sector.name() + " inbox");
        }
        return referrals.findById(request.referralId()).chain(existing -> {
            if (existing != null) {
                // the same referral re-sent under a new event id: the first receipt stands
                return Uni.createFrom().voidItem();
            }
            Instant now = Instants.now(clock);
            InboxReferral referral = new InboxReferral();
            referral.referralId = request.referralId();
            referral.caseId = request.caseId();
            referral.sector = request.recipientSector();
            referral.agency = request.recipientAgency();
            referral.referringSector = request.referringSector();
            referral.region = request.region();
            referral.priority = request.priority();
            referral.state = ReferralState.RECEIVED;
            referral.minor = request.survivor().minor();
            referral.requestJson = EventJson.toJson(request);
            referral.requestedAt = request.occurredAt();
            referral.receiptDue = request.deadlines().receiptDue();
            referral.acceptanceDue = request.deadlines().acceptanceDue();
            referral.receivedAt = now;
            referral.correlationId = context.correlationId();
            referral.updatedAt = now;
            Actor system = Actor.system(sector.service(),
                    request.recipientAgency() != null ? request.recipientAgency() : sector.defaultAgency());
            referral.lastActor = system.userId();
            ReferralReceived receipt = new ReferralReceived(referral.referralId, referral.caseId, referral.sector,
                    system, now);
            return referrals.persist(referral)
                    .chain(() -> announce(referral, receipt))
                    .chain(() -> each(listener -> listener.received(referral, request)));
        });
    }

    public Uni<Void> cancel(ReferralCancelled cancelled) {
        return referrals.findById(cancelled.referralId()).chain(referral -> {
            if (referral == null) {
                Log.warnf("cancellation of referral %s, which never reached this inbox", cancelled.referralId());
                return Uni.createFrom().voidItem();
            }
            if (referral.state.canMoveTo(ReferralState.CANCELLED)) {
                referral.state = ReferralState.CANCELLED;
                referral.cancellationReason = cancelled.reason();
                referral.closedAt = cancelled.occurredAt();
            }
            return restrict(referral, "cancelled: " + cancelled.reason(), cancelled.actor().userId());
        });
    }

    public Uni<Void> withdrawConsent(ConsentWithdrawn withdrawn) {
        if (!withdrawn.sectors().contains(sector.sector())) {
            return Uni.createFrom().voidItem();
        }
        return referrals.findByCase(withdrawn.caseId()).chain(found -> {
            List<InboxReferral> affected = found.stream()
                    .filter(r -> withdrawn.referralIds().isEmpty() || withdrawn.referralIds().contains(r.referralId))
                    .filter(r -> !r.restricted)
                    .toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (InboxReferral referral : affected) {
                chain = chain.chain(() -> restrict(referral, "consent withdrawn for " + withdrawn.dataCategories(),
                        withdrawn.recordedBy().userId()));
            }
            return chain;
        });
    }

    private Uni<Void> restrict(InboxReferral referral, String reason, String actor) {
        if (referral.restricted) {
            return Uni.createFrom().voidItem();
        }
        referral.restrict(reason);
        referral.updatedAt = Instants.now(clock);
        referral.lastActor = actor;
        return each(listener -> listener.restricted(referral));
    }

    // ---- officer actions (callers hold the transaction) ----

    /** What the officer asked for, with the If-Match version they last read. */
    public record Action(UUID referralId, long ifMatch, Actor actor) {
    }

    public Uni<InboxReferral> accept(Action action, SectorAccess access) {
        return move(action, access, ReferralState.ACCEPTED, referral -> {
            referral.acceptedAt = Instants.now(clock);
            if (referral.agency == null) {
                referral.agency = action.actor().agency();
            }
            return new ReferralAccepted(referral.referralId, referral.caseId, referral.sector, action.actor(),
                    referral.acceptedAt);
        });
    }

    public Uni<InboxReferral> decline(Action action, SectorAccess access, DeclineReason reason, String redirectAgency) {
        return move(action, access, ReferralState.DECLINED, referral -> {
            referral.closedAt = Instants.now(clock);
            referral.declineReason = reason;
            return new ReferralDeclined(referral.referralId, referral.caseId, referral.sector, action.actor(),
                    referral.closedAt, reason, redirectAgency);
        });
    }

    public Uni<InboxReferral> start(Action action, SectorAccess access) {
        return move(action, access, ReferralState.IN_PROGRESS, referral -> {
            referral.startedAt = Instants.now(clock);
            return new ReferralStarted(referral.referralId, referral.caseId, referral.sector, action.actor(),
                    referral.startedAt);
        });
    }

    public Uni<InboxReferral> complete(Action action, SectorAccess access, CompletionOutcome outcome,
                                       Set<ServiceType> servicesProvided) {
        return move(action, access, ReferralState.COMPLETED, referral -> {
            referral.closedAt = Instants.now(clock);
            referral.outcome = outcome;
            return new ReferralCompleted(referral.referralId, referral.caseId, referral.sector, action.actor(),
                    referral.closedAt, outcome, servicesProvided);
        });
    }

    /**
     * One transition. A repeat, or a step the referral is already past on the main path, answers with
     * the current state and emits nothing; a stale If-Match is refused before anything changes.
     */
    private Uni<InboxReferral> move(Action action, SectorAccess access, ReferralState target,
                                    Function<InboxReferral, ReferralStatusEvent> apply) {
        return referrals.findForUpdate(action.referralId()).chain(referral -> {
            if (referral == null || !access.canSee(referral.agency)) {
                throw ProblemException.notFound("referral " + action.referralId());
            }
            if (referral.restricted || referral.state == ReferralState.CANCELLED) {
                throw ProblemException.conflict("referral " + referral.referralId + " was "
                        + (referral.state == ReferralState.CANCELLED ? "cancelled" : "restricted")
                        + " (" + referral.restrictedReason + "); no further action is possible");
            }
            boolean alreadyThere = referral.state == target
                    || (target.rank() > 0 && referral.state.rank() >= target.rank());
            if (alreadyThere) {
                return Uni.createFrom().item(referral);
            }
            if (action.ifMatch() != referral.version) {
                throw ProblemException.preconditionFailed("referral " + referral.referralId + " is at version "
                        + referral.version + " (" + referral.state + "), you sent If-Match " + action.ifMatch()
                        + "; read it again");
            }
            if (!referral.state.canMoveTo(target)) {
                throw ProblemException.conflict("a " + referral.state + " referral cannot move to " + target);
            }
            ReferralState from = referral.state;
            referral.state = target;
            ReferralStatusEvent event = apply.apply(referral);
            referral.updatedAt = Instants.now(clock);
            referral.lastActor = action.actor().userId();
            return announce(referral, event)
                    .chain(() -> each(listener -> listener.moved(referral, from)))
                    .chain(() -> referrals.flush())
                    .replaceWith(referral);
        });
    }

    private Uni<Void> announce(InboxReferral referral, ReferralStatusEvent event) {
        return outbox.append(new OutgoingEvent(UUID.randomUUID(), Topics.REFERRAL_STATUS, referral.caseId.toString(),
                event.eventType(), referral.caseId.toString(), referral.correlationId, event)).replaceWithVoid();
    }

    private Uni<Void> each(Function<InboxListener, Uni<Void>> call) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (InboxListener listener : listeners) {
            chain = chain.chain(() -> call.apply(listener));
        }
        return chain;
    }
}
