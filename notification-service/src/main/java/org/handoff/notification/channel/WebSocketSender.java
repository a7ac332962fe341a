package org.handoff.notification.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.DeliveryFailure;
import org.handoff.events.NotificationChannel;
import org.handoff.notification.Delivery;
import org.handoff.notification.Notification;

import java.util.List;

/** The live feed of the duty console: every open console of the recipient gets the notification at once. */
@ApplicationScoped
public class WebSocketSender implements ChannelSender {

    private final ConsoleConnections consoles;
    private final ObjectMapper json;

    public WebSocketSender(ConsoleConnections consoles, ObjectMapper json) {
        this.consoles = consoles;
        this.json = json;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WEBSOCKET;
    }

    @Override
    public Outcome send(Delivery delivery, Notification notification) {
        List<WebSocketConnection> open = consoles.of(delivery.target);
        if (open.isEmpty()) {
            return Outcome.NO_SESSION;
        }
        String message = ChannelMessage.json(notification, json, false);
        int written = 0;
        RuntimeException last = null;
        for (WebSocketConnection connection : open) {
            try {
                connection.sendTextAndAwait(message);
                written++;
            } catch (RuntimeException e) {
                Log.debugf("console connection %s of %s: %s", connection.id(), delivery.target, e.toString());
                last = e;
            }
        }
        if (written == 0) {
            throw new DeliveryException(DeliveryFailure.UNREACHABLE, false, "no open console took the message: " + last, last);
        }
        return Outcome.DELIVERED;
    }
}
