package org.handoff.police.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.handoff.inbox.service.Page;
import org.handoff.police.ProtectionOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProtectionOrderRepository implements PanacheRepositoryBase<ProtectionOrder, UUID> {

    public Uni<ProtectionOrder> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<ProtectionOrder> findBySource(UUID sourceId) {
        return find("sourceId", sourceId).firstResult();
    }

    public Uni<List<ProtectionOrder>> findByCase(UUID caseId) {
        return list("caseId", caseId);
    }

    /** Due ones by due time, issued ones by expiry: the next thing to act on comes first. */
    public Uni<Page<ProtectionOrder>> list(String agency, ProtectionOrder.Status status, Instant expiringBefore,
                                           UUID caseId, Instant now, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (agency != null) {
            where.add("(agency = :agency or agency is null)");
            params.and("agency", agency);
        }
        if (caseId != null) {
            where.add("caseId = :caseId");
            params.and("caseId", caseId);
        }
        if (expiringBefore != null) {
            where.add("issuedAt is not null and expiresAt < :before");
            params.and("before", expiringBefore);
        }
        if (status != null) {
            where.add(switch (status) {
                case DUE -> "issuedAt is null and cancelledAt is null and dueAt >= :now";
                case OVERDUE -> "issuedAt is null and cancelledAt is null and dueAt < :now";
                case ACTIVE -> "issuedAt is not null and expiresAt > :now";
                case EXPIRED -> "issuedAt is not null and expiresAt <= :now";
                case CANCELLED -> "issuedAt is null and cancelledAt is not null";
            });
            if (status != ProtectionOrder.Status.CANCELLED) {
                params.and("now", now);
            }
        }
        var found = find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.by("expiresAt", Sort.NullPrecedence.NULLS_FIRST).and("dueAt").and("id"), params);
        return found.page(page, size).list()
                .chain(items -> found.count().map(total -> new Page<>(items, page, size, total)));
    }
}
