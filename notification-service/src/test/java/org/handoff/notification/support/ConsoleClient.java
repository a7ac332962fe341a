package org.handoff.notification.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A duty console: a real WebSocket client with a bearer token (none if null), keeping each message and when it arrived. */
public final class ConsoleClient implements AutoCloseable {

    public record Received(JsonObject message, Instant at) {
    }

    private final WebSocketClient client;
    private final WebSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public ConsoleClient(Vertx vertx, URI base, String bearer) throws Exception {
        client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(base.getHost()).setPort(base.getPort()).setURI("/api/v1/console/feed");
        if (bearer != null) {
            options.addHeader("Authorization", "Bearer " + bearer);
        }
        socket = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> received.add(new Received(new JsonObject(text), Instant.now())));
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() throws Exception {
        socket.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.close();
    }
}
