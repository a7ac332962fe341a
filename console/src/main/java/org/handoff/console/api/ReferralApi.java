package org.handoff.console.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** referral-service's case timeline (rest/CaseResource): every step of every referral the caller may see. */
@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "referral")
@RegisterProvider(UserAccessToken.class)
public interface ReferralApi {

    @GET
    @Path("/timeline")
    Uni<List<TimelineEntry>> timeline(@PathParam("caseId") UUID caseId);

    /**
     * One step of one referral. The service's free-text {@code detail} is left out on purpose: a reason
     * typed by a person could name the survivor, and these pages show none of their data.
     */
    record TimelineEntry(UUID referralId, String recipientSector, String state, String actorUser, String actorRole,
                         String actorAgency, Instant occurredAt, Long latencyMillis) {
    }
}
