package org.handoff.police.rest;

import org.handoff.police.ProtectionOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A protection order with its status now; {@code version} is the ETag for If-Match. */
public record ProtectionOrderView(UUID id, UUID caseId, String agency, ProtectionOrder.Source source, UUID sourceId,
                                  ProtectionOrder.Status status, Instant dueAt, Long minutesUntilDue,
                                  Instant issuedAt, String issuedBy, String orderNumber, Instant startsAt,
                                  Integer durationDays, Instant expiresAt, long version) {

    public static ProtectionOrderView of(ProtectionOrder order, Instant now) {
        ProtectionOrder.Status status = order.status(now);
        Long untilDue = status == ProtectionOrder.Status.DUE || status == ProtectionOrder.Status.OVERDUE
                ? Duration.between(now, order.dueAt).toMinutes() : null;
        return new ProtectionOrderView(order.id, order.caseId, order.agency, order.source, order.sourceId, status,
                order.dueAt, untilDue, order.issuedAt, order.issuedBy, order.orderNumber, order.startsAt,
                order.durationDays, order.expiresAt, order.version);
    }
}
