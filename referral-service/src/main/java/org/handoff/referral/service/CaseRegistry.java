package org.handoff.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.RiskScale;
import org.handoff.events.CaseReported;
import org.handoff.events.MatchKey;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.referral.CaseFile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Opens a case from a report made to any sector: scores the risk, links the survivor's earlier
 * cases through keyed-hash match keys, routes by the SOP rules and dispatches the referrals.
 */
@ApplicationScoped
public class CaseRegistry {

    private static final String LINK = "INSERT INTO survivor_match (match_key, case_id) VALUES (:key, :caseId)"
            + " ON CONFLICT DO NOTHING";

    private final RiskScorer scorer;
    private final SopRouter router;
    private final ReferralDispatcher dispatcher;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    public CaseRegistry(RiskScorer scorer, SopRouter router, ReferralDispatcher dispatcher, ObjectMapper json,
                        AuditLog audit, Clock clock) {
        this.audit = audit;
        this.scorer = scorer;
        this.router = router;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Void> open(CaseReported report, EventContext context) {
        return CaseFile.<CaseFile>findById(report.caseId()).chain(existing -> existing != null
                // the same case reported again (a retry under a new event id) must not route twice
                ? Uni.createFrom().voidItem()
                : openNew(report, context));
    }

    private Uni<Void> openNew(CaseReported report, EventContext context) {
        Instant now = Instant.now(clock);
        RiskScale.Score risk = scorer.score(report.risk(), report.incident());
        CaseFile caseFile = caseFile(report, risk, context, now);
        List<PlannedReferral> plan = router.route(facts(report, risk), now, report.originSector(), report.consents(),
                report.legalOverrides());
        // flushed first: the match-key rows are written with SQL and reference the case
        return caseFile.<CaseFile>persistAndFlush()
                .chain(() -> link(report))
                .chain(() -> Multi.createFrom().iterable(plan)
                        .onItem().transformToUniAndConcatenate(planned ->
                                dispatcher.dispatch(caseFile, report, planned, report.reportedBy()))
                        .collect().asList())
                .call(() -> audit.record(new AuditLog.Who(report.reportedBy().userId(), report.reportedBy().role(),
                        report.reportedBy().agency()), "case.open", "case", report.caseId().toString(),
                        "risk " + risk.level() + ", " + plan.stream().filter(PlannedReferral::send).count() + " referral(s)"))
                .replaceWithVoid();
    }

    private Uni<Void> link(CaseReported report) {
        return Multi.createFrom().iterable(report.survivor().matchKeys())
                .onItem().transformToUniAndConcatenate(key -> Panache.getSession().chain(session -> session
                        .createNativeQuery(LINK)
                        .setParameter("key", matchKey(key))
                        .setParameter("caseId", report.caseId())
                        .executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    static String matchKey(MatchKey key) {
        return key.kind().name() + ":" + key.hash();
    }

    static CaseFacts facts(CaseReported report, RiskScale.Score risk) {
        return new CaseFacts(report.incident().type(), report.incident().occurredAt(), risk.level(),
                report.survivor().minor(), report.incident().injuryReported(), report.servicesRequested());
    }

    private CaseFile caseFile(CaseReported report, RiskScale.Score risk, EventContext context, Instant now) {
        CaseFile caseFile = new CaseFile();
        caseFile.id = report.caseId();
        caseFile.survivorRef = report.survivor().ref();
        caseFile.originSector = report.originSector();
        caseFile.originAgency = report.reportedBy().agency();
        caseFile.reportedBy = report.reportedBy().userId();
        caseFile.region = report.region();
        caseFile.incidentType = report.incident().type();
        caseFile.incidentAt = report.incident().occurredAt();
        caseFile.minor = report.survivor().minor();
        caseFile.riskLevel = risk.level();
        caseFile.riskYesCount = risk.yesCount();
        caseFile.riskBasis = risk.basis();
        caseFile.correlationId = context.correlationId() != null ? context.correlationId() : report.caseId().toString();
        caseFile.report = write(report);
        caseFile.openedAt = now;
        return caseFile;
    }

    private String write(CaseReported report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be stored", e);
        }
    }

    public CaseReported readReport(CaseFile caseFile) {
        try {
            return json.readValue(caseFile.report, CaseReported.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report of case " + caseFile.id + " is unreadable", e);
        }
    }
}
