package org.handoff.notification.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.DeliveryFailure;
import org.handoff.events.NotificationChannel;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;
import org.handoff.notification.Roster;
import org.handoff.notification.config.NotificationConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Webhooks to agency systems: the notification as JSON, signed with HMAC-SHA256 under the agency's
 * secret ({@link WebhookSignature}). The URL and secret are read from the agency's roster at each
 * attempt, so a retry uses a rotated secret or a corrected URL.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final ObjectMapper json;
    private final NotificationConfig config;
    private final Clock clock;
    private final HttpClient http;

    public WebhookSender(ObjectMapper json, NotificationConfig config, Clock clock) {
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.http = HttpDelivery.client(config.delivery().timeout());
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WEBHOOK;
    }

    @Override
    public Outcome send(Delivery delivery, Notification notification) {
        Roster roster = roster(delivery.target);
        if (roster == null || !roster.hasWebhook()) {
            throw new DeliveryException(DeliveryFailure.NOT_CONFIGURED, false,
                    "agency " + delivery.target + " has no webhook any more");
        }
        String body = ChannelMessage.json(notification, json, false);
        HttpRequest request = HttpRequest.newBuilder(URI.create(roster.webhookUrl))
                .timeout(config.delivery().timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.header(roster.webhookSecret, Instant.now(clock), body))
                .header(WebhookSignature.DELIVERY_HEADER, delivery.id.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpDelivery.post(http, request, "webhook of " + delivery.target);
        return Outcome.DELIVERED;
    }

    private static Roster roster(String agency) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Roster.<Roster>findById(agency)));
        } catch (Throwable e) {
            throw new DeliveryException(DeliveryFailure.UNREACHABLE, true, "roster of " + agency + " unreadable: " + e, e);
        }
    }
}
