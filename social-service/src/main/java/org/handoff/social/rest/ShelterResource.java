package org.handoff.social.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;
import org.handoff.social.Shelter;
import org.handoff.social.service.ShelterService;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Shelters with live capacity, and placing a survivor (which takes beds). */
@Path("/api/v1/shelters")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shelters")
public class ShelterResource {

    private final ShelterService shelters;
    private final SectorAccess access;
    private final Caller caller;
    private final IdempotentRequests idempotent;

    public ShelterResource(ShelterService shelters, SectorAccess access, Caller caller, IdempotentRequests idempotent) {
        this.shelters = shelters;
        this.access = access;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    public record ShelterRequest(@NotBlank @Size(max = 200) String name,
                                 @NotNull @Pattern(regexp = "^[A-Z]{2}(-[A-Z0-9]{1,10})*$") String region,
                                 @NotBlank @Size(max = 255) String agency, @NotNull @Min(0) @Max(10000) Integer capacity) {
    }

    public record ShelterView(UUID id, String name, String region, String agency, int capacity, int occupied,
                              int available) {
        static ShelterView of(Shelter s) {
            return new ShelterView(s.id, s.name, s.region, s.agency, s.capacity, s.occupied, s.capacity - s.occupied);
        }
    }

    /** One bed for the survivor plus one per accompanying child. */
    public record PlacementRequest(@NotNull UUID caseId, @NotNull @Min(1) @Max(20) Integer beds) {
    }

    @GET
    @WithSession
    @Operation(summary = "Shelters with capacity, occupied and available beds right now")
    public Uni<List<ShelterView>> list(@QueryParam("region") String region) {
        access.requireRead();
        Uni<List<Shelter>> found = region == null ? Shelter.listAll(Sort.by("name"))
                : Shelter.list("region", Sort.by("name"), region);
        return found.map(list -> list.stream().map(ShelterView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One shelter's live capacity")
    public Uni<ShelterView> get(@PathParam("id") UUID id) {
        access.requireRead();
        return Shelter.<Shelter>findById(id).map(shelter -> {
            if (shelter == null) {
                throw org.handoff.plumbing.problem.ProblemException.notFound("shelter " + id);
            }
            return ShelterView.of(shelter);
        });
    }

    @POST
    @WithTransaction
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a shelter (social workers, or admin: a shelter holds no survivor data)")
    public Uni<Response> create(@NotNull @Valid ShelterRequest request) {
        boolean admin = caller.hasRole(Roles.ADMIN);
        if (!access.isWorker() && !admin) {
            throw SectorAccess.forbidden("registering a shelter needs social-worker or admin");
        }
        // A worker speaks for their own agency only; the admin registers shelters for any agency.
        if (!admin && !request.agency().equals(access.agency())) {
            throw SectorAccess.forbidden("a social worker registers shelters of their own agency only");
        }
        return shelters.create(request.name(), request.region(), request.agency(), request.capacity())
                .map(s -> Response.created(URI.create("/api/v1/shelters/" + s.id)).entity(ShelterView.of(s)).build());
    }

    @POST
    @Path("/{id}/placements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a survivor: takes the beds at once, or 409 when the shelter has too few free")
    public Uni<Response> place(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                               @NotNull @Valid PlacementRequest request) {
        access.requireWorker();
        return idempotent.execute("user:" + access.userId() + " POST /api/v1/shelters/" + id + "/placements", key,
                request, () -> shelters.place(id, request.caseId(), request.beds(), access)
                        .map(p -> Outcome.created(URI.create("/api/v1/placements/" + p.id), PlacementResource.view(p))));
    }
}
