package org.handoff.console.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * handoff-plumbing's per-case flow (flow/CaseFlowResource), the same in every service (role admin): the
 * case's events this service produced and the ones its consumers applied. Ids, types, topics and times only.
 */
@Path("/api/v1/admin/cases/{caseId}/flow")
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(UserAccessToken.class)
public interface CaseFlowApi {

    @GET
    Uni<View> flow(@PathParam("caseId") String caseId);

    record View(String service, String caseId, List<Produced> produced, List<Consumed> consumed) {
    }

    record Produced(String eventId, String type, String topic, Instant occurredAt, Instant publishedAt,
                    Duration publishLatency) {
    }

    record Consumed(String consumer, String eventId, String type, String topic, Instant producedAt, Instant appliedAt,
                    Duration latency) {
    }
}
