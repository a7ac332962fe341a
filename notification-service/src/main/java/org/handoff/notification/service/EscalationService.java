package org.handoff.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.DeadlineKind;
import org.handoff.events.NotificationReason;
import org.handoff.events.ReferralOverdue;
import org.handoff.events.ReferralState;
import org.handoff.notification.Escalation;
import org.handoff.notification.Notification;
import org.handoff.notification.TrackedReferral;
import org.handoff.notification.channel.NewDeliveries;
import org.handoff.notification.config.NotificationConfig;
import org.handoff.notification.messaging.NotificationEvents;
import org.handoff.notification.repository.EscalationRepository;
import org.handoff.notification.repository.NotificationRepository;
import org.handoff.notification.repository.TrackedReferralRepository;
import org.handoff.plumbing.audit.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An overdue referral walks the recipient agency's chain: the duty officer first, then, one level per
 * missed acknowledgement, the supervisor and the coordinator. It stops at the level that acknowledges,
 * or when the referral moves past the missed deadline. Time comes from the injected clock, and
 * {@link #escalateDue()} is the one place that moves escalations up. Every change of an escalation is an
 * audit row, in the transaction that makes it. An escalation that reaches nobody (no recipient agency,
 * nobody on duty at or above its level) is counted every time and logged through {@link SafetyGapLog}.
 */
@ApplicationScoped
public class EscalationService {

    private static final int DUE_BATCH = 100;

    private final EscalationRepository escalations;
    private final NotificationRepository notifications;
    private final TrackedReferralRepository referrals;
    private final RosterService rosters;
    private final NotificationService notifier;
    private final NotificationEvents events;
    private final NotificationConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final SafetyGapLog gaps;
    private final Counter unroutable;
    private final Counter exhausted;

    public EscalationService(EscalationRepository escalations, NotificationRepository notifications,
                             TrackedReferralRepository referrals, RosterService rosters, NotificationService notifier,
                             NotificationEvents events, NotificationConfig config, AuditLog audit, Clock clock,
                             MeterRegistry metrics, SafetyGapLog gaps) {
        this.escalations = escalations;
        this.notifications = notifications;
        this.referrals = referrals;
        this.rosters = rosters;
        this.notifier = notifier;
        this.events = events;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.gaps = gaps;
        this.unroutable = Counter.builder("handoff.escalations.unroutable")
                .description("Overdue referrals that name no recipient agency to escalate to").register(metrics);
        this.exhausted = Counter.builder("handoff.escalations.exhausted")
                .description("Escalations with nobody on duty at or above their next level").register(metrics);
    }

    /** Whether a referral in {@code state} has met the deadline, so an escalation about it has nothing left to do. */
    public static boolean met(DeadlineKind deadline, ReferralState state) {
        if (state.isTerminal()) {
            return true;
        }
        return deadline == DeadlineKind.RECEIPT ? state.rank() >= ReferralState.RECEIVED.rank()
                : state.rank() >= ReferralState.ACCEPTED.rank();
    }

    /**
     * A missed deadline: opens the escalation at the event's level, or raises an open one to it. Returns the
     * channels that got pending deliveries (none when nobody was notified).
     */
    public Uni<NewDeliveries> overdue(ReferralOverdue event, String correlationId) {
        return referrals.findById(event.referralId()).chain(tracked -> {
            if (tracked != null && met(event.deadline(), tracked.state)) {
                Log.infof("referral %s is %s already: overdue %s ignored", event.referralId(), tracked.state, event.deadline());
                return Uni.createFrom().item(NewDeliveries.NONE);
            }
            String agency = event.recipientAgency() != null ? event.recipientAgency()
                    : tracked == null ? null : tracked.recipientAgency;
            if (agency == null) {
                gaps.warn("overdue-no-agency", null, "overdue referral " + event.referralId()
                        + " names no recipient agency: nobody to escalate to");
                unroutable.increment();
                return Uni.createFrom().item(NewDeliveries.NONE);
            }
            return escalations.find(event.referralId(), event.deadline()).chain(existing -> {
                if (existing == null) {
                    return open(event, agency, correlationId);
                }
                if (existing.state == Escalation.State.OPEN && event.escalationLevel() > existing.level) {
                    return raise(existing, event.escalationLevel());
                }
                return Uni.createFrom().item(NewDeliveries.NONE);
            });
        });
    }

    private Uni<NewDeliveries> open(ReferralOverdue event, String agency, String correlationId) {
        Instant now = Instant.now(clock);
        Escalation e = new Escalation();
        e.id = UUID.randomUUID();
        e.referralId = event.referralId();
        e.caseId = event.caseId();
        e.agency = agency;
        e.deadline = event.deadline();
        e.dueAt = event.dueAt();
        e.sector = event.sector();
        e.referralState = event.state();
        e.priority = event.priority();
        e.level = 0;
        e.state = Escalation.State.OPEN;
        e.correlationId = correlationId;
        e.openedAt = now;
        metrics.counter("handoff.escalations.opened", "deadline", event.deadline().name()).increment();
        return e.persist()
                .call(() -> record("escalation.open", e, event.deadline() + " deadline of referral " + e.referralId
                        + " missed, overdue level " + event.escalationLevel()))
                .chain(() -> rosters.firstStaffed(agency, event.escalationLevel(), now))
                .chain(onDuty -> notifyLevel(e, onDuty, now).map(NotificationService.Notified::deliveries));
    }

    /** Moves an open escalation up to the first staffed level at or above {@code toLevel}. */
    private Uni<NewDeliveries> raise(Escalation e, int toLevel) {
        Instant now = Instant.now(clock);
        int fromLevel = e.level;
        return rosters.firstStaffed(e.agency, toLevel, now)
                .chain(onDuty -> notifyLevel(e, onDuty, now))
                .call(notified -> notified.notifications().isEmpty() || fromLevel < 1 ? Uni.createFrom().voidItem()
                        : record("escalation.raise", e, "level " + fromLevel + " -> " + e.level))
                .call(notified -> escalated(e, fromLevel, notified.notifications(), now))
                .map(NotificationService.Notified::deliveries);
    }

    /** The {@code NotificationEscalated} event of the unanswered notification one level below {@code sent}. */
    private Uni<Void> escalated(Escalation e, int fromLevel, List<Notification> sent, Instant now) {
        if (sent.isEmpty() || fromLevel < 1) {
            return Uni.createFrom().voidItem();
        }
        return notifications.ofEscalation(e.id).chain(all -> all.stream()
                .filter(n -> n.escalationLevel == fromLevel)
                .max(Comparator.comparing((Notification n) -> n.createdAt))
                .map(unanswered -> {
                    metrics.counter("handoff.escalations.raised", "to", Integer.toString(e.level)).increment();
                    return events.escalated(unanswered, fromLevel, sent.get(0), now);
                })
                .orElse(Uni.createFrom().voidItem()));
    }

    private Uni<NotificationService.Notified> notifyLevel(Escalation e, Optional<RosterService.OnDuty> onDuty, Instant now) {
        if (onDuty.isEmpty()) {
            // an overdue referral nobody more can be told about: the loudest line this service writes
            gaps.error("escalation-exhausted", e.agency, "escalation of referral " + e.referralId + " (" + e.deadline
                    + " deadline) at " + e.agency + ": nobody on duty at or above level " + (e.level + 1)
                    + (e.level == 0 ? ", nobody was notified" : ", level " + e.level + " was notified"));
            exhausted.increment();
            e.close(Escalation.State.EXHAUSTED, now);
            return record("escalation.exhausted", e, "nobody on duty at or above level " + (e.level + 1))
                    .replaceWith(NotificationService.Notified.NOBODY);
        }
        RosterService.OnDuty level = onDuty.get();
        e.level = level.level();
        e.nextEscalationAt = now.plus(config.escalation().ackTimeout(e.priority));
        NotificationReason reason = level.level() == 1 ? NotificationReason.REFERRAL_OVERDUE : NotificationReason.ESCALATION;
        NotificationService.Trigger trigger = new NotificationService.Trigger(e.caseId, e.referralId, reason, e.sector,
                e.priority, e.referralState, e.deadline, e.dueAt, null, null, e.id, e.correlationId);
        return notifier.notify(trigger, level.level(), level.role(), level.people(), level.roster());
    }

    /** What one pass of the escalation clock did: how many escalations moved, and the channels that got deliveries. */
    public record Pass(int moved, NewDeliveries deliveries) {
    }

    /**
     * One pass of the escalation clock: every open escalation whose level has not acknowledged in time
     * moves one level up (or runs out of levels). Completes after the commit.
     */
    public Uni<Pass> escalateDue() {
        return Panache.withTransaction(() -> escalations.due(Instant.now(clock), DUE_BATCH)
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(e -> raise(e, e.level + 1))
                        .collect().asList()
                        .map(raised -> new Pass(raised.size(),
                                raised.stream().reduce(NewDeliveries.NONE, NewDeliveries::plus)))));
    }

    /** An acknowledgement stops the escalation it belongs to, at the acknowledging level; {@code who} acknowledged. */
    public Uni<Void> acknowledged(Notification n, AuditLog.Who who) {
        if (n.escalationId == null) {
            return Uni.createFrom().voidItem();
        }
        return escalations.findById(n.escalationId).chain(e -> {
            if (e == null || e.state != Escalation.State.OPEN) {
                return Uni.createFrom().voidItem();
            }
            e.acknowledgedLevel = n.escalationLevel;
            e.acknowledgedBy = n.acknowledgedBy;
            e.close(Escalation.State.ACKNOWLEDGED, n.acknowledgedAt);
            metrics.counter("handoff.escalations.acknowledged", "level", Integer.toString(n.escalationLevel)).increment();
            return audit.record(who, "escalation.acknowledge", "escalation", e.id.toString(),
                    "stopped at level " + n.escalationLevel + " by notification " + n.id);
        });
    }

    /** The referral moved: escalations about deadlines it has now met are over. */
    public Uni<Void> referralMoved(TrackedReferral referral) {
        Instant now = Instant.now(clock);
        return escalations.open(referral.referralId).chain(open -> Multi.createFrom().iterable(open.stream()
                        .filter(e -> met(e.deadline, referral.state)).toList())
                .onItem().transformToUniAndConcatenate(e -> {
                    e.close(Escalation.State.RESOLVED, now);
                    return record("escalation.resolve", e, "referral is " + referral.state);
                })
                .collect().last()).replaceWithVoid();
    }

    private Uni<Void> record(String action, Escalation e, String detail) {
        return audit.record(ServiceActor.WHO, action, "escalation", e.id.toString(), detail);
    }
}
