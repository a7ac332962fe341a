package org.handoff.notification.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.events.Actor;
import org.handoff.events.NotificationChannel;
import org.handoff.events.NotificationReason;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;
import org.handoff.notification.repository.DeliveryRepository;
import org.handoff.notification.repository.NotificationRepository;
import org.handoff.notification.service.AcknowledgementService;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.idempotency.IdempotentRequests;
import org.handoff.plumbing.idempotency.Outcome;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tracked notifications: a person sees their own, a duty officer or supervisor their agency's (they may
 * acknowledge those, so they must be able to read them first), an admin all. The recipient, or a duty
 * officer or supervisor of the same agency, acknowledges; that stops its escalation. Every read and
 * acknowledgement goes into the audit chain.
 */
@Path("/api/v1/notifications")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final AcknowledgementService acknowledgements;
    private final IdempotentRequests idempotent;
    private final AuditLog audit;
    private final Caller caller;
    private final JsonWebToken token;

    public NotificationResource(NotificationRepository notifications, DeliveryRepository deliveries,
                                AcknowledgementService acknowledgements, IdempotentRequests idempotent, AuditLog audit,
                                Caller caller, JsonWebToken token) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.acknowledgements = acknowledgements;
        this.idempotent = idempotent;
        this.audit = audit;
        this.caller = caller;
        this.token = token;
    }

    public record DeliveryView(NotificationChannel channel, Delivery.Status status, int attempts, Instant sentAt,
                               Instant deliveredAt, Instant failedAt, Instant nextAttemptAt, String lastError) {
    }

    /** Subject and text are the rendered content the recipient got; neither carries survivor data. */
    public record NotificationView(UUID id, UUID caseId, UUID referralId, NotificationReason reason,
                                   String recipientUserId, String recipientRole, String recipientAgency,
                                   int escalationLevel, String language, String subject, String text,
                                   Instant createdAt, Instant acknowledgedAt, String acknowledgedBy,
                                   List<DeliveryView> deliveries) {
    }

    @GET
    @WithTransaction
    @Operation(summary = "Notifications visible to the caller, newest first")
    public Uni<Page<NotificationView>> list(@QueryParam("caseId") UUID caseId, @QueryParam("referralId") UUID referralId,
                                            @QueryParam("acknowledged") Boolean acknowledged,
                                            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int p = Page.page(page);
        int s = Page.size(size);
        boolean everyone = caller.hasRole(Roles.ADMIN);
        boolean agencyWide = !everyone && agencyStaff();
        NotificationRepository.Filter filter = new NotificationRepository.Filter(
                everyone || agencyWide ? null : caller.userId(),
                agencyWide ? caller.agency().orElse("-") : null,
                caseId, referralId, acknowledged);
        return notifications.page(filter, p, s).chain(list -> deliveries.ofNotifications(list.stream().map(n -> n.id).toList())
                .map(all -> {
                    Map<UUID, List<Delivery>> byNotification = all.stream().collect(Collectors.groupingBy(d -> d.notificationId));
                    return list.stream().map(n -> view(n, byNotification.getOrDefault(n.id, List.of()))).toList();
                }))
                .chain(views -> notifications.count(filter).map(total -> new Page<>(views, p, s, total)))
                .call(found -> audit.record(caller.who(), "notification.list", "notifications",
                        (everyone ? "all" : agencyWide ? "agency " + filter.agency() : "user " + filter.recipient()) + " page " + p,
                        filterDetail(caseId, referralId, acknowledged) + "returned " + found.items().size()));
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    @Operation(summary = "One notification with its deliveries per channel")
    public Uni<NotificationView> get(@PathParam("id") UUID id) {
        return notifications.findById(id).chain(n -> {
            if (n == null || !visible(n)) {
                throw ProblemException.notFound("notification " + id);
            }
            return audit.record(caller.who(), "notification.read", "notification", id.toString(), null)
                    .chain(() -> deliveries.ofNotification(id)).map(d -> view(n, d));
        });
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Acknowledge a notification; stops its escalation. Repeating it changes nothing.")
    public Uni<Response> acknowledge(@PathParam("id") UUID id,
                                     @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        // the same role the audit row names (Caller.primaryRole), so the event and the audit agree
        Actor by = new Actor(caller.userId(), caller.primaryRole().orElse("user"), caller.agency().orElse("unknown"));
        String scope = "user:" + caller.userId() + " POST /api/v1/notifications/{id}/acknowledge";
        return idempotent.execute(scope, idempotencyKey, id, () -> acknowledgements.acknowledge(id, by, caller.who(), this::visible, this::mayAcknowledge)
                .chain(n -> deliveries.ofNotification(n.id).map(d -> Outcome.ok(view(n, d)))));
    }

    private boolean isRecipient(Notification n) {
        return n.recipientUserId.equals(caller.userId()) || n.recipientUserId.equals(token.getSubject());
    }

    private boolean sameAgency(Notification n) {
        return caller.agency().map(n.recipientAgency::equals).orElse(false);
    }

    /** Duty officers and supervisors act for their agency: they see and acknowledge its notifications. */
    private boolean agencyStaff() {
        return caller.agency().isPresent() && (caller.hasRole(Roles.DUTY_OFFICER) || caller.hasRole(Roles.SUPERVISOR));
    }

    private boolean visible(Notification n) {
        return mayAcknowledge(n) || caller.hasRole(Roles.ADMIN);
    }

    /** The recipient, or the duty officer or supervisor on hand at the same agency. */
    private boolean mayAcknowledge(Notification n) {
        return isRecipient(n) || (sameAgency(n) && agencyStaff());
    }

    private static String filterDetail(UUID caseId, UUID referralId, Boolean acknowledged) {
        return (caseId == null ? "" : "caseId " + caseId + ", ") + (referralId == null ? "" : "referralId " + referralId + ", ")
                + (acknowledged == null ? "" : "acknowledged " + acknowledged + ", ");
    }

    static NotificationView view(Notification n, List<Delivery> deliveries) {
        return new NotificationView(n.id, n.caseId, n.referralId, n.reason, n.recipientUserId, n.recipientRole,
                n.recipientAgency, n.escalationLevel, n.language, n.subject, n.body, n.createdAt, n.acknowledgedAt,
                n.acknowledgedBy, deliveries.stream().map(d -> new DeliveryView(d.channel, d.status, d.attempts, d.sentAt,
                d.deliveredAt, d.failedAt, d.status == Delivery.Status.PENDING ? d.nextAttemptAt : null, d.lastError)).toList());
    }
}
