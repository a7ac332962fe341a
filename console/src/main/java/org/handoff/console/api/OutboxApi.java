package org.handoff.console.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import java.time.Duration;
import java.time.Instant;

/** handoff-plumbing's outbox backlog (outbox/OutboxResource), the same in every service (role admin). */
@Path("/api/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(UserAccessToken.class)
public interface OutboxApi {

    @GET
    Uni<Backlog> backlog();

    /** Rows committed but not yet on the broker, and the oldest of them ({@code null} when none waits). */
    record Backlog(Instant asOf, long unsent, Instant oldestUnsentAt, Duration oldestUnsentAge) {
    }
}
