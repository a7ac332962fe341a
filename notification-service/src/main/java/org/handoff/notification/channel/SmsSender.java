package org.handoff.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.DeliveryFailure;
import org.handoff.events.NotificationChannel;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;
import org.handoff.notification.config.NotificationConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SMS through a configurable HTTP gateway: {@code POST {"to", "text", "reference"}} with an optional
 * bearer token. The text is the subject and the acknowledgement link: short enough for one or two SMS.
 */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private final ObjectMapper json;
    private final NotificationConfig config;
    private final HttpClient http;

    public SmsSender(ObjectMapper json, NotificationConfig config) {
        this.json = json;
        this.config = config;
        this.http = HttpDelivery.client(config.delivery().timeout());
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public Outcome send(Delivery delivery, Notification notification) {
        URI gateway = config.sms().gatewayUrl().orElseThrow(() ->
                new DeliveryException(DeliveryFailure.NOT_CONFIGURED, false, "no SMS gateway configured"));
        String text = notification.subject + " " + acknowledgeUrl(notification);
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway)
                .timeout(config.delivery().timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(delivery, text), StandardCharsets.UTF_8));
        config.sms().gatewayToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpDelivery.post(http, request.build(), "SMS gateway");
        return Outcome.SENT;
    }

    private String acknowledgeUrl(Notification n) {
        try {
            return json.readTree(n.facts).path("acknowledgeUrl").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private String body(Delivery delivery, String text) {
        try {
            return json.writeValueAsString(Map.of("to", delivery.target, "text", text, "reference", delivery.id.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
