package org.handoff.console.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** handoff-plumbing's dead-letter API, the same in every service (role admin). */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(UserAccessToken.class)
public interface DeadLetterApi {

    @GET
    Uni<DeadLetters.Page> list(@QueryParam("topic") String topic, @QueryParam("type") String type,
                               @QueryParam("caseId") String caseId, @QueryParam("since") String since,
                               @QueryParam("status") String status,
                               @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/{topic}/{partition}/{offset}")
    Uni<DeadLetters.DeadLetter> get(@PathParam("topic") String topic, @PathParam("partition") int partition,
                                    @PathParam("offset") long offset);

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    Uni<DeadLetters.ReplayResult> replay(@PathParam("topic") String topic, @PathParam("partition") int partition,
                                         @PathParam("offset") long offset);

    /** Starts a rate-limited bulk replay (202, the job; the service keeps it in its memory for watching). */
    @POST
    @Path("/replays")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<DeadLetters.ReplayJob> replayMany(DeadLetters.ReplayRequest request);

    @GET
    @Path("/replays/{id}")
    Uni<DeadLetters.ReplayJob> replayJob(@PathParam("id") UUID id);
}
