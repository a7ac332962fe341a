package org.handoff.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.DeadlineKind;
import org.handoff.notification.Escalation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    /** Due escalations, locked; another instance running the same pass skips them rather than waiting. */
    private static final String DUE = "SELECT * FROM escalation WHERE state = 'OPEN' AND next_escalation_at <= :now"
            + " ORDER BY next_escalation_at LIMIT :limit FOR UPDATE SKIP LOCKED";

    public Uni<Escalation> find(UUID referralId, DeadlineKind deadline) {
        return find("referralId = ?1 and deadline = ?2", referralId, deadline).firstResult();
    }

    public Uni<List<Escalation>> open(UUID referralId) {
        return list("referralId = ?1 and state = ?2", referralId, Escalation.State.OPEN);
    }

    public Uni<List<Escalation>> due(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE, Escalation.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<List<Escalation>> page(Escalation.State state, String agency, int page, int size) {
        Query q = query(state, agency);
        return find(q.where(), Sort.descending("openedAt").and("id"), q.params()).page(page, size).list();
    }

    public Uni<Long> count(Escalation.State state, String agency) {
        Query q = query(state, agency);
        return count(q.where(), q.params());
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(Escalation.State state, String agency) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state);
        }
        if (agency != null) {
            where.append(" and agency = :agency");
            params.put("agency", agency);
        }
        return new Query(where.toString(), params);
    }
}
