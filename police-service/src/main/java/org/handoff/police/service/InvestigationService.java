package org.handoff.police.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.inbox.service.CaseAccess;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.police.Investigation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The investigation reference on a case this agency holds (it took the report or a referral for it). */
@ApplicationScoped
public class InvestigationService {

    private final CaseAccess cases;
    private final Clock clock;

    public InvestigationService(CaseAccess cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public Uni<Void> requireCase(UUID caseId, SectorAccess access) {
        return cases.require(caseId, access);
    }

    public Uni<Investigation> find(UUID caseId) {
        return Investigation.findById(caseId);
    }

    /** Sets or changes the reference; a change needs the version the officer last read. */
    public Uni<Investigation> record(UUID caseId, String reference, Long ifMatch, SectorAccess access) {
        return requireCase(caseId, access).chain(() -> Investigation.<Investigation>findById(caseId)).chain(found -> {
            Instant now = Instants.now(clock);
            if (found == null) {
                Investigation investigation = new Investigation();
                investigation.caseId = caseId;
                investigation.agency = access.agency();
                investigation.reference = reference;
                investigation.openedBy = access.userId();
                investigation.openedAt = now;
                investigation.updatedAt = now;
                return investigation.<Investigation>persistAndFlush();
            }
            if (ifMatch == null) {
                throw new ProblemException(428, "if-match-required", "If-Match required",
                        "the case already has investigation " + found.reference + "; send its ETag to change it");
            }
            if (ifMatch != found.version) {
                throw ProblemException.preconditionFailed("investigation of case " + caseId + " is at version "
                        + found.version + ", you sent " + ifMatch);
            }
            found.reference = reference;
            found.updatedAt = now;
            return found.<Investigation>persistAndFlush();
        });
    }
}
