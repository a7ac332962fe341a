package org.handoff.police.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.police.ProtectionOrder;
import org.handoff.police.config.PoliceConfig;
import org.handoff.police.repository.ProtectionOrderRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Protection orders: fall due with a HIGH-risk report or a referral asking for one, are issued for a bounded time. */
@ApplicationScoped
public class ProtectionOrderService {

    private final ProtectionOrderRepository orders;
    private final PoliceConfig config;
    private final Clock clock;

    public ProtectionOrderService(ProtectionOrderRepository orders, PoliceConfig config, Clock clock) {
        this.orders = orders;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a due order once per source (a report or a referral); a redelivery finds it already there. */
    public Uni<Void> due(UUID caseId, String agency, ProtectionOrder.Source source, UUID sourceId, Instant dueAt) {
        return orders.findBySource(sourceId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ProtectionOrder order = new ProtectionOrder();
            order.id = UUID.randomUUID();
            order.caseId = caseId;
            order.agency = agency;
            order.source = source;
            order.sourceId = sourceId;
            order.createdAt = Instants.now(clock);
            order.dueAt = dueAt != null ? dueAt : order.createdAt.plus(config.dueWithin());
            return orders.persist(order).replaceWithVoid();
        });
    }

    public Duration dueWithin() {
        return config.dueWithin();
    }

    /** What the officer sends to record an issued order. */
    public record Issue(UUID orderId, long ifMatch, int durationDays, Instant startsAt, String orderNumber) {
    }

    public Uni<ProtectionOrder> issue(Issue issue, SectorAccess access) {
        if (issue.durationDays() < config.minDays() || issue.durationDays() > config.maxDays()) {
            throw ProblemException.badRequest("a protection order lasts " + config.minDays() + " to "
                    + config.maxDays() + " days, not " + issue.durationDays());
        }
        return orders.findForUpdate(issue.orderId()).chain(order -> {
            if (order == null || !access.canSee(order.agency)) {
                throw ProblemException.notFound("protection order " + issue.orderId());
            }
            if (order.issuedAt != null) {
                throw ProblemException.conflict("protection order " + order.id + " was already issued at " + order.issuedAt);
            }
            if (order.cancelledAt != null) {
                throw ProblemException.conflict("the referral behind protection order " + order.id + " was cancelled");
            }
            if (issue.ifMatch() != order.version) {
                throw ProblemException.preconditionFailed("protection order " + order.id + " is at version "
                        + order.version + ", you sent " + issue.ifMatch());
            }
            Instant now = Instants.now(clock);
            order.issuedAt = now;
            order.issuedBy = access.userId();
            order.agency = order.agency != null ? order.agency : access.agency();
            order.orderNumber = issue.orderNumber();
            order.startsAt = issue.startsAt() != null ? issue.startsAt() : now;
            order.durationDays = issue.durationDays();
            order.expiresAt = order.startsAt.plus(Duration.ofDays(issue.durationDays()));
            return orders.flush().replaceWith(order);
        });
    }

    /** The referral behind a not-yet-issued order was cancelled or consent withdrawn: nothing is due any more. */
    public Uni<Void> cancelFor(UUID sourceId) {
        return orders.findBySource(sourceId).chain(order -> {
            if (order != null && order.issuedAt == null && order.cancelledAt == null) {
                order.cancelledAt = Instants.now(clock);
            }
            return Uni.createFrom().voidItem();
        });
    }
}
