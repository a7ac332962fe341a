package org.handoff.plumbing.deadletter;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.plumbing.paging.Page;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;

import java.util.UUID;

/** The dead letters of this service's consumers, for administrators; every call is audited by the service. */
@Path("/api/v1/admin/dead-letters")
@Tag(name = "Dead letters")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterService deadLetters;
    private final ReplayJobs jobs;
    private final Caller caller;

    public DeadLetterResource(DeadLetterService deadLetters, ReplayJobs jobs, Caller caller) {
        this.deadLetters = deadLetters;
        this.jobs = jobs;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Dead letters of this service's consumers, newest first, with cause and last replay outcome")
    public Uni<Page<DeadLetter>> list(@QueryParam("topic") String topic, @QueryParam("type") String type,
                                      @QueryParam("caseId") String caseId, @QueryParam("since") String since,
                                      @QueryParam("status") String status,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return deadLetters.list(DeadLetterFilter.of(topic, type, caseId, since, status), Page.page(page), Page.size(size),
                caller.who());
    }

    @GET
    @Path("/{topic}/{partition}/{offset}")
    @Operation(summary = "One dead letter, by its dead-letter topic, partition and offset")
    public Uni<DeadLetter> get(@PathParam("topic") String topic, @PathParam("partition") int partition,
                               @PathParam("offset") long offset) {
        return deadLetters.get(new DeadLetterPosition(topic, partition, offset), caller.who());
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    @Operation(summary = "Applies one dead letter again through its consumer: applied, already-applied or failed-again")
    public Uni<ReplayResult> replay(@PathParam("topic") String topic, @PathParam("partition") int partition,
                                    @PathParam("offset") long offset) {
        return deadLetters.replay(new DeadLetterPosition(topic, partition, offset), caller.who());
    }

    @POST
    @Path("/replays")
    @Operation(summary = "Starts a rate-limited bulk replay of the listed records or of all matching a filter; watch it at Location")
    public Uni<Response> replayMany(ReplayRequest request, @Context UriInfo uri) {
        if (request == null || (request.records() == null) == (request.filter() == null)) {
            throw ProblemException.badRequest("give either records (a list of {topic, partition, offset}) or filter, not both");
        }
        Uni<ReplayJob> started = request.records() != null
                ? jobs.start(request.records(), caller.who())
                : jobs.start(request.filter().parsed(), caller.who());
        return started.map(job -> Response.accepted(job)
                .location(uri.getBaseUriBuilder().path("/api/v1/admin/dead-letters/replays/{id}").build(job.id()))
                .build());
    }

    @GET
    @Path("/replays/{id}")
    @Operation(summary = "A bulk replay's progress and each record's outcome so far")
    public Uni<ReplayJob> replayJob(@PathParam("id") UUID id) {
        return jobs.watch(id, caller.who());
    }
}
