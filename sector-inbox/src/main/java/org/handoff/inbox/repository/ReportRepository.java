package org.handoff.inbox.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.inbox.SurvivorReport;
import org.handoff.inbox.service.Page;

import java.util.UUID;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<SurvivorReport, UUID> {

    public Uni<SurvivorReport> findByCase(UUID caseId) {
        return find("caseId", caseId).firstResult();
    }

    /** Newest first; {@code agency} null reads the whole sector. */
    public Uni<Page<SurvivorReport>> list(String agency, int page, int size) {
        var found = agency == null
                ? findAll(Sort.descending("reportedAt").and("id"))
                : find("agency", Sort.descending("reportedAt").and("id"), agency);
        return found.page(page, size).list()
                .chain(items -> found.count().map(total -> new Page<>(items, page, size, total)));
    }
}
