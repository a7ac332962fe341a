package org.handoff.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.notification.Notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** What a list request may narrow by; null fields do not narrow. */
    public record Filter(String recipient, String agency, UUID caseId, UUID referralId, Boolean acknowledged) {
    }

    public Uni<Notification> byAckToken(String token) {
        return find("ackToken", token).firstResult();
    }

    public Uni<List<Notification>> ofEscalation(UUID escalationId) {
        return list("escalationId = ?1 order by createdAt", escalationId);
    }

    /** Unacknowledged notifications of one person since a time, newest first: a console's backlog. */
    public Uni<List<Notification>> unacknowledged(String userId, Instant since, int limit) {
        return find("recipientUserId = ?1 and acknowledgedAt is null and createdAt >= ?2",
                Sort.descending("createdAt"), userId, since).page(0, limit).list();
    }

    public Uni<List<Notification>> page(Filter filter, int page, int size) {
        Query q = query(filter);
        return find(q.where, Sort.descending("createdAt").and("id"), q.params).page(page, size).list();
    }

    public Uni<Long> count(Filter filter) {
        Query q = query(filter);
        return count(q.where, q.params);
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(Filter f) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.recipient() != null) {
            where.append(" and recipientUserId = :recipient");
            params.put("recipient", f.recipient());
        }
        if (f.agency() != null) {
            where.append(" and recipientAgency = :agency");
            params.put("agency", f.agency());
        }
        if (f.caseId() != null) {
            where.append(" and caseId = :caseId");
            params.put("caseId", f.caseId());
        }
        if (f.referralId() != null) {
            where.append(" and referralId = :referralId");
            params.put("referralId", f.referralId());
        }
        if (f.acknowledged() != null) {
            where.append(f.acknowledged() ? " and acknowledgedAt is not null" : " and acknowledgedAt is null");
        }
        return new Query(where.toString(), params);
    }
}
