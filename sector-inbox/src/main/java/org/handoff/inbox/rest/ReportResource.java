package org.handoff.inbox.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.inbox.SurvivorReport;
import org.handoff.inbox.repository.ReportRepository;
import org.handoff.inbox.service.IntakeService;
import org.handoff.inbox.service.Page;
import org.handoff.inbox.service.ReportDetails;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.problem.ProblemException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Intake: an agency system reports a survivor's case to this sector. */
@Path("/api/v1/reports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports (intake)")
public class ReportResource {

    private final IntakeService intake;
    private final ReportRepository reports;
    private final SectorAccess access;
    private final IdempotentRequests idempotent;
    private final AuditLog audit;
    private final Caller caller;
    private final Instance<ReportDetails> details;

    public ReportResource(IntakeService intake, ReportRepository reports, SectorAccess access,
                          IdempotentRequests idempotent, Instance<ReportDetails> details, AuditLog audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
        this.intake = intake;
        this.reports = reports;
        this.access = access;
        this.idempotent = idempotent;
        this.details = details;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a case (send an Idempotency-Key so a retry returns the first result); "
            + "the answer shows the identity masked")
    public Uni<Response> report(@HeaderParam(IdempotentRequests.HEADER) String key,
                                @NotNull @Valid ReportRequest request) {
        access.requireWorker();
        var actor = access.actor();
        return idempotent.execute("user:" + actor.userId() + " POST /api/v1/reports", key, request,
                () -> intake.report(request, actor)
                        .call(view -> audit.record(caller.who(), "report.create", "report", view.id().toString(),
                                "case " + view.caseId()))
                        .map(view -> Outcome.created(URI.create("/api/v1/reports/" + view.id()), view)));
    }

    @GET
    @WithTransaction
    @Operation(summary = "Reports taken by the caller's agency (the whole sector for coordination), newest first")
    public Uni<Page<ReportView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        access.requireRead();
        return reports.list(access.agencyScope(), page, size)
                .call(found -> audit.record(caller.who(), "report.list", "reports", "page " + page,
                        "returned " + found.items().size()))
                .map(found -> found.map(r -> intake.view(r, false, Map.of())));
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    @Operation(summary = "One report; the identity is clear only for the sector's PII roles of the reporting agency")
    public Uni<ReportView> get(@PathParam("id") UUID id) {
        access.requireRead();
        return reports.findById(id).chain(report -> {
            if (report == null || !access.canSee(report.agency)) {
                throw ProblemException.notFound("report " + id);
            }
            boolean clear = access.seesPii(report.agency);
            return audit.record(caller.who(), clear ? "report.read.identity" : "report.read", "report", id.toString(), null)
                    .chain(() -> sectorDetails(report)).map(extra -> intake.view(report, clear, extra));
        });
    }

    @POST
    @Path("/{id}/consent-withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that the survivor withdrew consent (sectors, data categories); "
            + "referral-service cancels the referrals concerned and tells every recipient")
    public Uni<Response> withdrawConsent(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                                         @NotNull @Valid ConsentWithdrawalRequest request) {
        access.requireWorker();
        var actor = access.actor();
        return idempotent.execute("user:" + actor.userId() + " POST /api/v1/reports/" + id + "/consent-withdrawals", key,
                request, () -> reports.findById(id).chain(report -> {
                    if (report == null || !access.canSee(report.agency)) {
                        throw ProblemException.notFound("report " + id);
                    }
                    return intake.withdrawConsent(report, request, actor)
                            .call(() -> audit.record(caller.who(), "consent.withdraw", "report", id.toString(), null))
                            .map(Outcome::accepted);
                }));
    }

    private Uni<Map<String, Object>> sectorDetails(SurvivorReport report) {
        Uni<Map<String, Object>> merged = Uni.createFrom().item(new LinkedHashMap<>());
        for (ReportDetails detail : details) {
            merged = merged.chain(map -> detail.details(report).map(extra -> {
                map.putAll(extra);
                return map;
            }));
        }
        return merged;
    }
}
