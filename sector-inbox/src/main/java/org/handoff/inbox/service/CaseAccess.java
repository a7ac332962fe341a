package org.handoff.inbox.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.inbox.repository.InboxRepository;
import org.handoff.inbox.repository.ReportRepository;
import org.handoff.plumbing.problem.ProblemException;

import java.util.UUID;

/**
 * Whether the caller's agency holds a case here: it took the report, or it holds (or may take) a
 * referral for it. A sector's own records on a case (orders, encounters, placements) are guarded by it.
 */
@ApplicationScoped
public class CaseAccess {

    private final ReportRepository reports;
    private final InboxRepository inbox;

    public CaseAccess(ReportRepository reports, InboxRepository inbox) {
        this.reports = reports;
        this.inbox = inbox;
    }

    /** Completes when visible; fails with 404 otherwise (not 403: the case's existence is itself confidential). */
    public Uni<Void> require(UUID caseId, SectorAccess access) {
        return reports.findByCase(caseId).chain(report -> inbox.findByCase(caseId).map(referrals -> {
            boolean visible = (report != null && access.canSee(report.agency))
                    || referrals.stream().anyMatch(r -> !r.restricted && access.canSee(r.agency));
            if (!visible) {
                throw ProblemException.notFound("case " + caseId);
            }
            return null;
        }));
    }
}
