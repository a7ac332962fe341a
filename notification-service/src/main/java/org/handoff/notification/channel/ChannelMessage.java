package org.handoff.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.handoff.events.NotificationReason;
import org.handoff.notification.Notification;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON a duty console (WebSocket) or an agency system (webhook) receives: the rendered text and the
 * facts it was made from. Like the text, the facts hold no survivor data.
 */
public record ChannelMessage(String type, UUID notificationId, UUID caseId, UUID referralId, NotificationReason reason,
                             int escalationLevel, String language, String subject, String text, JsonNode facts,
                             Instant createdAt, Instant acknowledgedAt, Boolean backlog) {

    public static final String TYPE = "notification";

    public static ChannelMessage of(Notification n, ObjectMapper json, boolean backlog) {
        try {
            return new ChannelMessage(TYPE, n.id, n.caseId, n.referralId, n.reason, n.escalationLevel, n.language,
                    n.subject, n.body, json.readTree(n.facts), n.createdAt, n.acknowledgedAt, backlog ? Boolean.TRUE : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facts of notification " + n.id + " are not JSON", e);
        }
    }

    public static String json(Notification n, ObjectMapper json, boolean backlog) {
        try {
            return json.writeValueAsString(of(n, json, backlog));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification " + n.id + " cannot be serialised", e);
        }
    }
}
