package org.handoff.referral.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.referral.CaseFile;
import org.handoff.referral.Referral;
import org.handoff.referral.ReferralStep;
import org.handoff.referral.RoutingDecision;
import org.handoff.referral.rest.CaseView;
import org.handoff.referral.rest.ReferralSummary;
import org.handoff.referral.rest.TimelineEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of cases, timelines and referrals, each filtered to what the caller may see. */
@ApplicationScoped
public class CaseQueries {

    private static final String LINKED = "SELECT DISTINCT other.case_id FROM survivor_match mine"
            + " JOIN survivor_match other ON other.match_key = mine.match_key AND other.case_id <> mine.case_id"
            + " WHERE mine.case_id = :caseId";

    private final Clock clock;

    public CaseQueries(Clock clock) {
        this.clock = clock;
    }

    public Uni<CaseView> caseView(UUID caseId, Access access) {
        return visibleCase(caseId, access).chain(visible -> {
            CaseFile caseFile = visible.caseFile();
            boolean full = access.caseManager();
            boolean origin = access.originOf(caseFile);
            Uni<List<UUID>> linked = full ? linkedCases(caseId) : Uni.createFrom().item((List<UUID>) null);
            Uni<List<CaseView.Decision>> decisions = full ? decisions(caseId) : Uni.createFrom().item((List<CaseView.Decision>) null);
            Instant now = Instant.now(clock);
            return Uni.combine().all().unis(linked, decisions).asTuple().map(parts -> new CaseView(caseFile.id,
                    full || origin ? caseFile.survivorRef : null, caseFile.region, caseFile.originSector,
                    caseFile.originAgency, caseFile.incidentType, caseFile.incidentAt, caseFile.minor,
                    caseFile.riskLevel, full || origin ? caseFile.riskBasis : null, caseFile.openedAt,
                    parts.getItem1(), visible.referrals().stream().map(r -> ReferralSummary.of(r, now)).toList(),
                    parts.getItem2()));
        });
    }

    public Uni<List<TimelineEntry>> timeline(UUID caseId, Access access) {
        return visibleCase(caseId, access).chain(visible -> {
            Map<UUID, Referral> byId = new HashMap<>();
            visible.referrals().forEach(r -> byId.put(r.id, r));
            return ReferralStep.<ReferralStep>list("caseId = ?1", caseId).map(steps -> entries(steps, byId));
        });
    }

    /** Latency is measured between steps in the order they happened, whatever order the news came in. */
    private static List<TimelineEntry> entries(List<ReferralStep> steps, Map<UUID, Referral> visible) {
        List<ReferralStep> ordered = new ArrayList<>(steps.stream().filter(s -> visible.containsKey(s.referralId)).toList());
        ordered.sort(Comparator.comparing((ReferralStep s) -> s.occurredAt).thenComparing(s -> s.state.ordinal()));
        Map<UUID, Instant> previous = new HashMap<>();
        List<TimelineEntry> entries = new ArrayList<>();
        for (ReferralStep step : ordered) {
            Instant before = previous.put(step.referralId, step.occurredAt);
            Long latency = before == null ? null : Duration.between(before, step.occurredAt).toMillis();
            entries.add(new TimelineEntry(step.referralId, visible.get(step.referralId).recipientSector, step.state,
                    step.actorUser, step.actorRole, step.actorAgency, step.occurredAt, latency, step.detail));
        }
        return entries;
    }

    public Uni<Referral> visibleReferral(UUID referralId, Access access) {
        return Referral.<Referral>findById(referralId).map(referral -> {
            if (referral == null) {
                throw ProblemException.notFound("referral " + referralId);
            }
            if (!(access.partyTo(referral) || access.monitorsFlow())) {
                throw Access.notYourAgency("referral " + referralId);
            }
            return referral;
        });
    }

    public Uni<org.handoff.referral.rest.Page<ReferralSummary>> referrals(ReferralState state, Sector sector, String agency,
                                                                        Priority priority, Boolean overdue, int page,
                                                                        int size, Access access) {
        Instant now = Instant.now(clock);
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (state != null) {
            query.append(" and state = :state");
            params.and("state", state);
        }
        if (sector != null) {
            query.append(" and recipientSector = :sector");
            params.and("sector", sector);
        }
        if (agency != null) {
            query.append(" and (recipientAgency = :agency or referringAgency = :agency)");
            params.and("agency", agency);
        }
        if (priority != null) {
            query.append(" and priority = :priority");
            params.and("priority", priority);
        }
        if (Boolean.TRUE.equals(overdue)) {
            query.append(" and state in (:waiting) and ((state = :requested and receiptDue < :now) or acceptanceDue < :now)");
            params.and("waiting", List.of(ReferralState.REQUESTED, ReferralState.RECEIVED))
                    .and("requested", ReferralState.REQUESTED).and("now", now);
        }
        if (!access.monitorsFlow()) {
            query.append(" and (recipientAgency = :mine or referringAgency = :mine)");
            params.and("mine", access.agencyOrNone());
        }
        var found = Referral.<Referral>find(query.toString(), Sort.descending("requestedAt").and("id"), params);
        return Uni.combine().all().unis(found.page(Page.of(page, size)).list(), found.count()).asTuple()
                .map(result -> new org.handoff.referral.rest.Page<>(
                        result.getItem1().stream().map(r -> ReferralSummary.of(r, now)).toList(), page, size, result.getItem2()));
    }

    private record VisibleCase(CaseFile caseFile, List<Referral> referrals) {
    }

    private Uni<VisibleCase> visibleCase(UUID caseId, Access access) {
        return CaseFile.<CaseFile>findById(caseId).chain(caseFile -> {
            if (caseFile == null) {
                throw ProblemException.notFound("case " + caseId);
            }
            return Referral.<Referral>list("caseId", Sort.by("requestedAt"), caseId).map(referrals -> {
                boolean origin = access.originOf(caseFile);
                List<Referral> visible = access.caseManager() || origin ? referrals
                        : referrals.stream().filter(access::partyTo).toList();
                if (!access.caseManager() && !origin && visible.isEmpty()) {
                    throw Access.notYourAgency("case " + caseId);
                }
                return new VisibleCase(caseFile, visible);
            });
        });
    }

    private Uni<List<UUID>> linkedCases(UUID caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LINKED, UUID.class)
                .setParameter("caseId", caseId).getResultList());
    }

    private Uni<List<CaseView.Decision>> decisions(UUID caseId) {
        return RoutingDecision.<RoutingDecision>list("caseId", Sort.by("decidedAt"), caseId).map(rows -> rows.stream()
                .map(d -> new CaseView.Decision(d.sector, d.decision, Arrays.asList(d.rules.split(",")),
                        d.overrideBasis == null ? null : d.overrideBasis.name(), d.overrideReason, d.decidedBy, d.decidedAt))
                .toList());
    }
}
