package org.handoff.referral.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.EventTypes;
import org.handoff.events.ReferralOverdue;
import org.handoff.events.Topics;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;
import org.handoff.referral.CaseFile;
import org.handoff.referral.Referral;
import org.handoff.referral.ReferralDeadline;
import org.handoff.referral.config.RoutingConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Emits ReferralOverdue once per missed deadline and escalation level, raising the level at the
 * priority's interval while nobody acts, up to the top of the chain. Deadlines and levels live in
 * the database, so a restart neither forgets nor repeats one; SKIP LOCKED lets two instances share
 * the work without emitting the same level twice.
 */
@ApplicationScoped
public class DeadlineWatcher {

    private static final String CLAIM_DUE = "SELECT id FROM referral_deadline WHERE met_at IS NULL AND next_check_at <= :now"
            + " ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED";
    /** After the top level there is nobody further up: check again only in case the state changes. */
    private static final Duration AFTER_TOP_LEVEL = Duration.ofDays(3650);

    private final Outbox outbox;
    private final DeadlinePlanner planner;
    private final RoutingConfig config;
    private final Clock clock;

    public DeadlineWatcher(Outbox outbox, DeadlinePlanner planner, RoutingConfig config, Clock clock) {
        this.outbox = outbox;
        this.planner = planner;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${handoff.referral.deadline-watch.every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain().onFailure().invoke(e -> Log.warnf("deadline watch pass failed, retried next pass: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Passes until every due deadline has been looked at: a backlog larger than one batch is not left for later. */
    public Uni<Integer> drain() {
        int batch = config.deadlineWatch().batchSize();
        return check().repeat().whilst(examined -> examined >= batch)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    /** One pass over at most one batch of due deadlines: returns how many it examined. */
    public Uni<Integer> check() {
        Instant now = Instant.now(clock);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM_DUE, UUID.class)
                        .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter("limit", config.deadlineWatch().batchSize())
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ReferralDeadline>of())
                        : ReferralDeadline.<ReferralDeadline>list("id in ?1", ids))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(deadline -> escalate(deadline, now))
                        .collect().asList()
                        .map(List::size)));
    }

    private Uni<Boolean> escalate(ReferralDeadline deadline, Instant now) {
        return Referral.<Referral>findById(deadline.referralId).chain(referral -> {
            if (referral.state.isTerminal()) {
                deadline.metAt = now;
                return Uni.createFrom().item(false);
            }
            int level = deadline.escalationLevel + 1;
            deadline.escalationLevel = level;
            deadline.nextCheckAt = level >= planner.maxEscalationLevel()
                    ? now.plus(AFTER_TOP_LEVEL)
                    : now.plus(planner.escalationInterval(referral.priority));
            ReferralOverdue overdue = new ReferralOverdue(referral.id, referral.caseId, referral.recipientSector,
                    referral.recipientAgency, referral.priority, referral.state, deadline.kind, deadline.dueAt, level, now);
            return CaseFile.<CaseFile>findById(referral.caseId)
                    .chain(caseFile -> outbox.append(OutgoingEvent.of(Topics.lifecycle(referral.referringSector), referral.caseId.toString(),
                            EventTypes.REFERRAL_OVERDUE, caseFile.correlationId, overdue)))
                    .replaceWith(true);
        });
    }
}
