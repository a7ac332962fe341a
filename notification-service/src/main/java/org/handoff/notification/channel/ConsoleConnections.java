package org.handoff.notification.channel;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The duty consoles open on this instance, by the user signed in to each. */
@ApplicationScoped
public class ConsoleConnections {

    private final Map<String, Set<WebSocketConnection>> byUser = new ConcurrentHashMap<>();

    public void add(String userId, WebSocketConnection connection) {
        byUser.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    public void remove(String userId, WebSocketConnection connection) {
        byUser.computeIfPresent(userId, (u, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    public List<WebSocketConnection> of(String userId) {
        return byUser.getOrDefault(userId, Set.of()).stream().filter(WebSocketConnection::isOpen).toList();
    }
}
