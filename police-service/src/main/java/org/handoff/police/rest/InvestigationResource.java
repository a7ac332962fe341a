package org.handoff.police.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.inbox.rest.Versions;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.police.Investigation;
import org.handoff.police.service.InvestigationService;

import java.time.Instant;
import java.util.UUID;

/** The investigation reference the police records system gave a case. */
@Path("/api/v1/cases/{caseId}/investigation")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Investigations")
public class InvestigationResource {

    private final InvestigationService investigations;
    private final SectorAccess access;

    public InvestigationResource(InvestigationService investigations, SectorAccess access) {
        this.investigations = investigations;
        this.access = access;
    }

    public record InvestigationRequest(@NotBlank @Size(max = 100) String reference) {
    }

    public record InvestigationView(UUID caseId, String agency, String reference, String openedBy, Instant openedAt,
                                    Instant updatedAt, long version) {
        static InvestigationView of(Investigation i) {
            return new InvestigationView(i.caseId, i.agency, i.reference, i.openedBy, i.openedAt, i.updatedAt, i.version);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "The case's investigation reference")
    public Uni<Response> get(@PathParam("caseId") UUID caseId) {
        access.requireRead();
        return investigations.requireCase(caseId, access).chain(() -> investigations.find(caseId)).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("investigation of case " + caseId);
            }
            return Response.ok(InvestigationView.of(found)).tag(new EntityTag(Long.toString(found.version))).build();
        });
    }

    @PUT
    @WithTransaction
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the investigation reference; changing it needs If-Match")
    public Uni<Response> put(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid InvestigationRequest body) {
        access.requireWorker();
        Long version = ifMatch == null ? null : Versions.ifMatch(ifMatch);
        return investigations.record(caseId, body.reference(), version, access)
                .map(saved -> Response.ok(InvestigationView.of(saved)).tag(new EntityTag(Long.toString(saved.version))).build());
    }
}
