package org.handoff.inbox.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.ReferralState;
import org.handoff.inbox.OriginReferral;
import org.handoff.inbox.OriginReferralStep;
import org.handoff.inbox.service.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OriginReferralRepository implements PanacheRepositoryBase<OriginReferral, UUID> {

    public Uni<Page<OriginReferral>> list(String referringAgency, UUID caseId, ReferralState state, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (referringAgency != null) {
            where.add("referringAgency = :agency");
            params.and("agency", referringAgency);
        }
        if (caseId != null) {
            where.add("caseId = :caseId");
            params.and("caseId", caseId);
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        var found = find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.descending("updatedAt").and("referralId"), params);
        return found.page(page, size).list()
                .chain(items -> found.count().map(total -> new Page<>(items, page, size, total)));
    }

    public Uni<List<OriginReferralStep>> steps(List<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return OriginReferralStep.list("key.referralId in ?1 order by occurredAt", referralIds);
    }
}
