package org.handoff.console.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import java.util.UUID;

/**
 * sector-inbox's referral inbox (rest/InboxResource), the same in police-, health- and social-service: the
 * sector's workers see their agency's referrals and act on them, a case manager reads. Every action sends the
 * version the person saw as If-Match (412 when someone changed it meanwhile) and an Idempotency-Key (a
 * repeated submit answers what the first did).
 */
@Path("/api/v1/inbox/referrals")
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(UserAccessToken.class)
public interface InboxApi {

    @GET
    Uni<Inbox.Page> list(@QueryParam("state") String state, @QueryParam("overdue") Boolean overdue,
                         @QueryParam("caseId") UUID caseId, @QueryParam("page") Integer page,
                         @QueryParam("size") Integer size);

    @GET
    @Path("/{id}")
    Uni<Inbox.Referral> get(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/accept")
    Uni<Inbox.Referral> accept(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("/{id}/start")
    Uni<Inbox.Referral> start(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                              @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Inbox.Referral> decline(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @HeaderParam("Idempotency-Key") String idempotencyKey, Inbox.Decline body);

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Inbox.Referral> complete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey, Inbox.Complete body);
}
