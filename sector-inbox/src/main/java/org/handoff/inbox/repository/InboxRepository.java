package org.handoff.inbox.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.inbox.InboxReferral;
import org.handoff.inbox.service.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxReferral, UUID> {

    private static final List<ReferralState> AWAITING = List.of(ReferralState.REQUESTED, ReferralState.RECEIVED);

    /** What an inbox list may be narrowed to; null fields do not narrow. */
    public record Filter(ReferralState state, Priority priority, Boolean overdue, UUID caseId) {
    }

    /** Locked for the rest of the transaction, so two officers' actions on one referral run one after the other. */
    public Uni<InboxReferral> findForUpdate(UUID referralId) {
        return findById(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<InboxReferral>> findByCase(UUID caseId) {
        return list("caseId", caseId);
    }

    /** Most pressing first: the earliest acceptance deadline. */
    public Uni<Page<InboxReferral>> list(Filter filter, String agency, Instant now, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (agency != null) {
            where.add("(agency = :agency or agency is null)");
            params.and("agency", agency);
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.and("state", filter.state());
        }
        if (filter.priority() != null) {
            where.add("priority = :priority");
            params.and("priority", filter.priority());
        }
        if (filter.caseId() != null) {
            where.add("caseId = :caseId");
            params.and("caseId", filter.caseId());
        }
        if (filter.overdue() != null) {
            String overdue = "(state in :awaiting and acceptanceDue < :now)";
            where.add(filter.overdue() ? overdue : "not " + overdue);
            params.and("awaiting", AWAITING).and("now", now);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = find(query, Sort.by("acceptanceDue").and("referralId"), params);
        return found.page(page, size).list()
                .chain(items -> found.count().map(total -> new Page<>(items, page, size, total)));
    }
}
