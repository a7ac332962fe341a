package org.handoff.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.DeadlineKind;
import org.handoff.events.NotificationChannel;
import org.handoff.events.NotificationReason;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;
import org.handoff.notification.Person;
import org.handoff.notification.Roster;
import org.handoff.notification.channel.NewDeliveries;
import org.handoff.notification.config.NotificationConfig;
import org.handoff.plumbing.audit.AuditLog;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Creates tracked notifications: one per recipient, rendered in the recipient's language, with a
 * pending delivery per channel the recipient can be reached on. Runs inside the caller's transaction;
 * the dispatcher sends the deliveries once it has committed. Each notification created is an audit row
 * of the service itself (the consumer or the escalation clock made it, not a person).
 */
@ApplicationScoped
public class NotificationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Templates templates;
    private final NotificationConfig config;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry metrics;

    public NotificationService(Templates templates, NotificationConfig config, ObjectMapper json, AuditLog audit,
                               Clock clock, MeterRegistry metrics) {
        this.templates = templates;
        this.config = config;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Why and about what a notification is sent; all of it may be shown to the recipient. */
    public record Trigger(UUID caseId, UUID referralId, NotificationReason reason, Sector sector, Priority priority,
                          ReferralState state, DeadlineKind deadline, Instant dueAt, Instant changedAt, String detail,
                          UUID escalationId, String correlationId) {
    }

    /** The notifications created, and the channels their pending deliveries wait on (for the dispatcher's wake-up). */
    public record Notified(List<Notification> notifications, NewDeliveries deliveries) {

        public static final Notified NOBODY = new Notified(List.of(), NewDeliveries.NONE);
    }

    /**
     * @param roster the roster of the agency the notification is about: its time zone shows the times,
     *               its agency system gets the webhook; null when the agency has none
     */
    public Uni<Notified> notify(Trigger trigger, int level, String role, List<Person> recipients, Roster roster) {
        Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        return Multi.createFrom().iterable(recipients)
                .onItem().transformToUniAndConcatenate(person -> create(trigger, level, role, person, roster, channels))
                .collect().asList()
                .map(created -> new Notified(created, NewDeliveries.on(channels)));
    }

    private Uni<Notification> create(Trigger t, int level, String role, Person person, Roster roster,
                                     Set<NotificationChannel> channels) {
        Instant now = Instant.now(clock);
        ZoneId zone = roster != null ? roster.zone() : ZoneOffset.UTC;
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.caseId = t.caseId();
        n.referralId = t.referralId();
        n.reason = t.reason();
        n.recipientUserId = person.userId;
        n.recipientRole = role;
        n.recipientAgency = person.agency;
        n.escalationId = t.escalationId();
        n.escalationLevel = level;
        n.ackToken = token();
        n.correlationId = t.correlationId();
        n.createdAt = now;
        NotificationFacts facts = new NotificationFacts(n.id, t.caseId(), NotificationFacts.caseReference(t.caseId()),
                t.referralId(), t.reason(), t.sector(), t.priority(), t.state(), t.deadline(), t.dueAt(), t.changedAt(),
                t.detail(), level, link(t), config.publicUrl() + "/api/v1/acknowledgements/" + n.ackToken);
        Templates.Content content = templates.render(facts, person.language, zone);
        n.language = content.language();
        n.subject = content.subject();
        n.body = content.body();
        n.facts = write(facts);
        metrics.counter("handoff.notifications.created", "reason", t.reason().name()).increment();
        return n.<Notification>persist().call(() -> persistDeliveries(n, person, roster, now, channels))
                .call(() -> audit.record(ServiceActor.WHO, "notification.create", "notification", n.id.toString(),
                        t.reason() + " to " + person.userId + " of " + person.agency + " at level " + level
                                + (t.referralId() == null ? "" : ", referral " + t.referralId())));
    }

    private Uni<Void> persistDeliveries(Notification n, Person person, Roster roster, Instant now,
                                        Set<NotificationChannel> channels) {
        List<Delivery> deliveries = new ArrayList<>();
        if (config.email().enabled() && person.email != null) {
            deliveries.add(delivery(n, NotificationChannel.EMAIL, person.email, now));
        }
        if (config.sms().gatewayUrl().isPresent() && person.phone != null) {
            deliveries.add(delivery(n, NotificationChannel.SMS, person.phone, now));
        }
        deliveries.add(delivery(n, NotificationChannel.WEBSOCKET, person.userId, now));
        if (roster != null && roster.hasWebhook()) {
            deliveries.add(delivery(n, NotificationChannel.WEBHOOK, roster.agency, now));
        }
        deliveries.forEach(d -> channels.add(d.channel));
        return Multi.createFrom().iterable(deliveries)
                .onItem().transformToUniAndConcatenate(d -> d.persist())
                .collect().last().replaceWithVoid();
    }

    private static Delivery delivery(Notification n, NotificationChannel channel, String target, Instant now) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.notificationId = n.id;
        d.channel = channel;
        d.target = target;
        d.status = Delivery.Status.PENDING;
        d.nextAttemptAt = now;
        d.createdAt = now;
        return d;
    }

    private String link(Trigger t) {
        String link = config.consoleUrl() + "/cases/" + t.caseId();
        return t.referralId() == null ? link : link + "/referrals/" + t.referralId();
    }

    private String write(NotificationFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification facts cannot be serialised", e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
