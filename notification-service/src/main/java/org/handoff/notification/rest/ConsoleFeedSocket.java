package org.handoff.notification.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.handoff.notification.Notification;
import org.handoff.notification.channel.ChannelMessage;
import org.handoff.notification.channel.ConsoleConnections;
import org.handoff.notification.repository.NotificationRepository;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The duty console's live feed. The HTTP upgrade needs a bearer token; the connection then receives
 * each new notification for its user as JSON ({@link ChannelMessage}), starting with the unacknowledged
 * ones of the last day ({@code "backlog": true}), so a console opened late misses nothing. Sending the
 * backlog is a read of those notifications, so it is an audit row.
 */
@WebSocket(path = "/api/v1/console/feed")
@Authenticated
public class ConsoleFeedSocket {

    static final UserData.TypedKey<String> USER = UserData.TypedKey.forString("handoff.user");
    private static final Duration BACKLOG = Duration.ofHours(24);
    private static final int BACKLOG_LIMIT = 50;

    private final ConsoleConnections consoles;
    private final NotificationRepository notifications;
    private final SecurityIdentity identity;
    private final Caller caller;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ConsoleFeedSocket(ConsoleConnections consoles, NotificationRepository notifications, SecurityIdentity identity,
                             Caller caller, AuditLog audit, ObjectMapper json, Clock clock) {
        this.consoles = consoles;
        this.notifications = notifications;
        this.identity = identity;
        this.caller = caller;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        String user = userId();
        connection.userData().put(USER, user);
        consoles.add(user, connection);
        AuditLog.Who who = caller.who();
        // a transaction, not just a session: the audit append holds the chain's lock until it commits
        return Panache.withTransaction(() -> notifications.unacknowledged(user, Instant.now(clock).minus(BACKLOG), BACKLOG_LIMIT)
                        .call(backlog -> audit.record(who, "notification.feed.backlog", "notifications", "user " + user,
                                "sent " + backlog.size())))
                .chain(backlog -> Multi.createFrom().iterable(backlog.stream()
                                .sorted(Comparator.comparing((Notification n) -> n.createdAt)).toList())
                        .onItem().transformToUniAndConcatenate(n -> connection.sendText(ChannelMessage.json(n, json, true)))
                        .collect().last())
                .replaceWithVoid();
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        String user = connection.userData().get(USER);
        if (user != null) {
            consoles.remove(user, connection);
        }
    }

    /** The same id notifications are addressed by: the token's preferred_username, else its principal name. */
    private String userId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.<Object>getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }
}
