package org.handoff.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.CancellationReason;
import org.handoff.events.NotificationReason;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralState;
import org.handoff.notification.Person;
import org.handoff.notification.TrackedReferral;
import org.handoff.notification.channel.NewDeliveries;
import org.handoff.notification.config.NotificationConfig;
import org.handoff.notification.repository.PersonRepository;
import org.handoff.notification.repository.RosterRepository;
import org.handoff.notification.repository.TrackedReferralRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each referral lifecycle change means for people: a new referral goes to the recipient agency's
 * duty officer; every later change goes back to the referring officer (the closed loop); a cancellation
 * also tells the recipient to stop. Runs inside the consumer's transaction and says which channels got
 * deliveries, so the consumer wakes only those after the commit.
 *
 * <p>A change nobody can be told about is counted ({@code handoff.notifications.unroutable{reason}}).
 * Status feedback and cancellation notices to an agency that runs no roster here are routine (many
 * agencies get their feedback through their own system's inbox) and are logged at DEBUG only; a new
 * referral that reaches nobody at the recipient agency is a safety gap, logged through {@link SafetyGapLog}.
 */
@ApplicationScoped
public class ReferralNotificationService {

    private static final String SYSTEM_ROLE = "system";

    private final TrackedReferralRepository referrals;
    private final PersonRepository people;
    private final RosterRepository rosterRepository;
    private final RosterService rosters;
    private final NotificationService notifier;
    private final EscalationService escalations;
    private final NotificationConfig config;
    private final Clock clock;
    private final SafetyGapLog gaps;
    private final Map<NotificationReason, Counter> unroutable = new EnumMap<>(NotificationReason.class);

    public ReferralNotificationService(TrackedReferralRepository referrals, PersonRepository people,
                                       RosterRepository rosterRepository, RosterService rosters,
                                       NotificationService notifier, EscalationService escalations,
                                       NotificationConfig config, Clock clock, MeterRegistry metrics,
                                       SafetyGapLog gaps) {
        this.referrals = referrals;
        this.people = people;
        this.rosterRepository = rosterRepository;
        this.rosters = rosters;
        this.notifier = notifier;
        this.escalations = escalations;
        this.config = config;
        this.clock = clock;
        this.gaps = gaps;
        for (NotificationReason reason : NotificationReason.values()) {
            unroutable.put(reason, Counter.builder("handoff.notifications.unroutable")
                    .description("Notifications not created because the agency has no roster or nobody on duty")
                    .tag("reason", reason.name()).register(metrics));
        }
    }

    /** Applies one lifecycle change; returns the channels that got pending deliveries (none if nobody was notified). */
    public Uni<NewDeliveries> lifecycleChanged(ReferralLifecycleChanged event, String correlationId) {
        return referrals.findById(event.referralId()).chain(tracked -> {
            if (tracked == null) {
                return track(event).chain(created -> react(created, event, correlationId));
            }
            if (!tracked.state.canMoveTo(event.toState())) {
                Log.debugf("referral %s: %s -> %s is no move, nothing to notify", event.referralId(), tracked.state,
                        event.toState());
                return Uni.createFrom().item(NewDeliveries.NONE);
            }
            tracked.state = event.toState();
            tracked.updatedAt = event.occurredAt();
            if (tracked.recipientAgency == null) {
                tracked.recipientAgency = event.recipientAgency();
            }
            return react(tracked, event, correlationId);
        });
    }

    private Uni<TrackedReferral> track(ReferralLifecycleChanged event) {
        TrackedReferral t = new TrackedReferral();
        t.referralId = event.referralId();
        t.caseId = event.caseId();
        t.recipientSector = event.recipientSector();
        t.recipientAgency = event.recipientAgency();
        t.referringSector = event.referringSector();
        t.referringAgency = event.referringAgency();
        t.priority = event.priority();
        t.state = event.toState();
        t.updatedAt = event.occurredAt();
        if (event.toState() == ReferralState.REQUESTED) {
            t.requestedAt = event.occurredAt();
            if (!SYSTEM_ROLE.equals(event.actor().role())) {
                t.referrerUserId = event.actor().userId();
                t.referrerRole = event.actor().role();
            }
        }
        return t.persist();
    }

    private Uni<NewDeliveries> react(TrackedReferral referral, ReferralLifecycleChanged event, String correlationId) {
        if (event.toState() == ReferralState.REQUESTED) {
            Instant acceptBy = event.occurredAt().plus(config.acceptance().of(event.priority()));
            return toRecipient(referral, event, NotificationReason.NEW_REFERRAL, acceptBy, correlationId);
        }
        Uni<NewDeliveries> feedback = escalations.referralMoved(referral)
                .chain(() -> toReferrer(referral, event, correlationId));
        if (event.toState() == ReferralState.CANCELLED) {
            NotificationReason reason = event.cancellationReason() == CancellationReason.CONSENT_WITHDRAWN
                    ? NotificationReason.CONSENT_WITHDRAWN : NotificationReason.STATUS_FEEDBACK;
            return feedback.chain(toReferrer -> toRecipient(referral, event, reason, null, correlationId)
                    .map(toReferrer::plus));
        }
        return feedback;
    }

    /** The recipient agency's duty officer, or the first level above with anyone on duty. */
    private Uni<NewDeliveries> toRecipient(TrackedReferral referral, ReferralLifecycleChanged event,
                                           NotificationReason reason, Instant dueAt, String correlationId) {
        return rosters.firstStaffed(referral.recipientAgency, 1, Instant.now(clock)).chain(onDuty -> {
            if (onDuty.isEmpty()) {
                return unroutable(referral, reason, referral.recipientAgency);
            }
            RosterService.OnDuty level = onDuty.get();
            return notifier.notify(trigger(referral, event, reason, dueAt, correlationId), level.level(), level.role(),
                    level.people(), level.roster()).map(NotificationService.Notified::deliveries);
        });
    }

    /** The officer who made the referral if we know how to reach them, else their agency's duty chain. */
    private Uni<NewDeliveries> toReferrer(TrackedReferral referral, ReferralLifecycleChanged event, String correlationId) {
        NotificationService.Trigger trigger = trigger(referral, event, NotificationReason.STATUS_FEEDBACK, null, correlationId);
        Uni<Person> referrer = referral.referrerUserId == null ? Uni.createFrom().nullItem()
                : people.findById(referral.referrerUserId);
        return referrer.chain(person -> {
            if (person != null) {
                return rosterRepository.findById(referral.referringAgency).chain(roster -> notifier.notify(trigger, 1,
                        referral.referrerRole, List.of(person), roster).map(NotificationService.Notified::deliveries));
            }
            return rosters.firstStaffed(referral.referringAgency, 1, Instant.now(clock)).chain(onDuty -> onDuty.isEmpty()
                    ? unroutable(referral, NotificationReason.STATUS_FEEDBACK, referral.referringAgency)
                    : notifier.notify(trigger, onDuty.get().level(), onDuty.get().role(), onDuty.get().people(),
                            onDuty.get().roster()).map(NotificationService.Notified::deliveries));
        });
    }

    private static NotificationService.Trigger trigger(TrackedReferral referral, ReferralLifecycleChanged event,
                                                       NotificationReason reason, Instant dueAt, String correlationId) {
        String detail = event.declineReason() != null ? event.declineReason().name()
                : event.cancellationReason() != null ? event.cancellationReason().name()
                : event.outcome() != null ? event.outcome().name() : null;
        return new NotificationService.Trigger(referral.caseId, referral.referralId, reason, referral.recipientSector,
                referral.priority, event.toState(), null, dueAt, event.occurredAt(), detail, null, correlationId);
    }

    private Uni<NewDeliveries> unroutable(TrackedReferral referral, NotificationReason reason, String agency) {
        if (reason == NotificationReason.NEW_REFERRAL) {
            // nobody at the recipient agency hears of a new referral: the duty desk must staff or roster it
            gaps.warn("new-referral", agency, "NEW_REFERRAL for referral " + referral.referralId + " (" + referral.priority
                    + "): agency " + agency + " has no roster or nobody on duty, nobody was notified");
        } else {
            Log.debugf("%s for referral %s: agency %s has no roster or nobody on duty", reason, referral.referralId, agency);
        }
        unroutable.get(reason).increment();
        return Uni.createFrom().item(NewDeliveries.NONE);
    }
}
