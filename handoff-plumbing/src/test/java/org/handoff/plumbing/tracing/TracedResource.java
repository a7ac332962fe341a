package org.handoff.plumbing.tracing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.handoff.plumbing.consumer.Increment;
import org.handoff.plumbing.outbox.Outbox;
import org.handoff.plumbing.outbox.OutgoingEvent;

import java.util.UUID;

/** A request whose change is announced through the outbox, as a service's intake endpoint does. */
@Path("/test/traced/{caseId}")
@PermitAll
public class TracedResource {

    private final Outbox outbox;

    public TracedResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    public Uni<String> report(@PathParam("caseId") String caseId) {
        OutgoingEvent event = OutgoingEvent.of("test.increments", caseId, "org.handoff.test.increment.v1",
                UUID.randomUUID().toString(), new Increment(caseId, 1));
        return Panache.withTransaction(() -> outbox.append(event)).map(row -> row.id.toString());
    }
}
