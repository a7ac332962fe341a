package org.handoff.console.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * notification-service's notifications (rest/NotificationResource): a duty officer or supervisor sees
 * and acknowledges the agency's, an admin sees all, anyone else their own — the service decides.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "notification")
@RegisterProvider(UserAccessToken.class)
public interface NotificationApi {

    @GET
    Uni<Page> list(@QueryParam("caseId") UUID caseId, @QueryParam("acknowledged") Boolean acknowledged,
                   @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/{id}")
    Uni<Notification> get(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/acknowledge")
    Uni<Notification> acknowledge(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey);

    record Delivery(String channel, String status, int attempts, Instant sentAt, Instant deliveredAt, Instant failedAt,
                    String lastError) {
    }

    /** Subject and text carry the case reference, sector, priority and state, never survivor data. */
    record Notification(UUID id, UUID caseId, UUID referralId, String reason, String recipientUserId,
                        String recipientRole, String recipientAgency, int escalationLevel, String language,
                        String subject, Instant createdAt, Instant acknowledgedAt, String acknowledgedBy,
                        List<Delivery> deliveries) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }

        /**
         * A new referral, and its overdue alerts and escalations, go to the recipient agency: the referral is
         * in the recipient's sector inbox (status feedback goes to the referring agency, whose inbox it is not).
         */
        public boolean aboutOwnInbox() {
            return referralId != null && reason != null && List.of("NEW_REFERRAL", "REFERRAL_OVERDUE", "ESCALATION").contains(reason);
        }
    }

    record Page(List<Notification> items, int page, int size, long total) {
    }
}
