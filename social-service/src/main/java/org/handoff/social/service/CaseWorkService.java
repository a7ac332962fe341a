package org.handoff.social.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.inbox.pii.PiiCipher;
import org.handoff.inbox.service.CaseAccess;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.social.LegalAid;
import org.handoff.social.PsychosocialSession;
import org.handoff.social.SafetyPlan;
import org.handoff.social.rest.CaseWorkRequests;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The social worker's records on a case: safety plan (sealed), psychosocial sessions, legal aid. */
@ApplicationScoped
public class CaseWorkService {

    private final CaseAccess cases;
    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    public CaseWorkService(CaseAccess cases, PiiCipher cipher, ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Void> requireCase(UUID caseId, SectorAccess access) {
        return cases.require(caseId, access);
    }

    /** Creates the plan, or replaces it given the version last read (If-Match). */
    public Uni<SafetyPlan> savePlan(UUID caseId, CaseWorkRequests.SafetyPlanBody plan, Long ifMatch, SectorAccess access) {
        return requireCase(caseId, access).chain(() -> SafetyPlan.<SafetyPlan>findById(caseId)).chain(found -> {
            SafetyPlan saved = found != null ? found : new SafetyPlan();
            if (found == null) {
                saved.caseId = caseId;
                saved.agency = access.agency();
            } else if (ifMatch == null) {
                throw new ProblemException(428, "if-match-required", "If-Match required",
                        "the case has a safety plan; send its ETag to replace it");
            } else if (ifMatch != found.version) {
                throw ProblemException.preconditionFailed("the safety plan is at version " + found.version
                        + ", you sent " + ifMatch);
            }
            try {
                PiiCipher.Sealed sealed = cipher.seal(json.writeValueAsBytes(plan), caseId.toString());
                saved.planKeyId = sealed.keyId();
                saved.planSealed = sealed.data();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            saved.updatedBy = access.userId();
            saved.updatedAt = Instants.now(clock);
            return saved.<SafetyPlan>persistAndFlush();
        });
    }

    public CaseWorkRequests.SafetyPlanBody open(SafetyPlan plan) {
        try {
            return json.readValue(cipher.open(new PiiCipher.Sealed(plan.planKeyId, plan.planSealed), plan.caseId.toString()),
                    CaseWorkRequests.SafetyPlanBody.class);
        } catch (IOException e) {
            throw new IllegalStateException("sealed safety plan is not readable", e);
        }
    }

    public Uni<PsychosocialSession> addSession(UUID caseId, CaseWorkRequests.SessionBody body, SectorAccess access) {
        return requireCase(caseId, access).chain(() -> {
            PsychosocialSession session = new PsychosocialSession();
            session.id = UUID.randomUUID();
            session.caseId = caseId;
            session.agency = access.agency();
            session.heldAt = body.heldAt();
            session.durationMinutes = body.durationMinutes();
            session.modality = body.modality().name();
            session.counsellor = access.userId();
            return session.persist();
        });
    }

    public Uni<List<PsychosocialSession>> sessions(UUID caseId, SectorAccess access) {
        return requireCase(caseId, access).chain(() -> PsychosocialSession.list("caseId = ?1 order by heldAt", caseId));
    }

    public Uni<LegalAid> addLegalAid(UUID caseId, CaseWorkRequests.LegalAidBody body, SectorAccess access) {
        return requireCase(caseId, access).chain(() -> {
            LegalAid aid = new LegalAid();
            aid.id = UUID.randomUUID();
            aid.caseId = caseId;
            aid.agency = access.agency();
            aid.matter = body.matter().name();
            aid.provider = body.provider();
            aid.requestedAt = Instants.now(clock);
            aid.requestedBy = access.userId();
            return aid.persist();
        });
    }

    public Uni<List<LegalAid>> legalAid(UUID caseId, SectorAccess access) {
        return requireCase(caseId, access).chain(() -> LegalAid.list("caseId = ?1 order by requestedAt", caseId));
    }
}
