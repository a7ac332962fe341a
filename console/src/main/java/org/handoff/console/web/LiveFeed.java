package org.handoff.console.web;

import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.handoff.console.ConsoleConfig;

import java.net.URI;

/**
 * notification-service's live feed (WebSocket {@code /api/v1/console/feed}), opened server-side with the
 * signed-in user's access token: the browser never holds the token, it gets a Server-Sent Events stream
 * from the console instead. What goes to the browser is only that something changed ("connected", then
 * "notification" for each new one), never the notification itself: the page then reads its list as always.
 * The backlog the service sends on connect is dropped here: the page has just read those.
 */
@ApplicationScoped
public class LiveFeed {

    static final String PATH = "/api/v1/console/feed";

    private final URI notificationService;
    private final WebSocketClient client;

    public LiveFeed(Vertx vertx, ConsoleConfig config) {
        this.notificationService = config.services().get("notification").url();
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(2000));
    }

    /** One item per change until either side closes; the browser's EventSource then reconnects by itself. */
    public Multi<String> changes(String accessToken) {
        return Multi.createFrom().emitter(emitter -> {
            WebSocketConnectOptions options = new WebSocketConnectOptions()
                    .setHost(notificationService.getHost())
                    .setPort(port(notificationService))
                    .setSsl("https".equals(notificationService.getScheme()))
                    .setURI(stripSlash(notificationService.getPath()) + PATH)
                    .addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
            client.connect(options).onSuccess((WebSocket socket) -> {
                if (emitter.isCancelled()) {
                    socket.close();
                    return;
                }
                emitter.onTermination(() -> {
                    if (!socket.isClosed()) {
                        socket.close();
                    }
                });
                socket.textMessageHandler(text -> {
                    if (!backlog(text)) {
                        emitter.emit("notification");
                    }
                });
                socket.exceptionHandler(emitter::fail);
                socket.closeHandler(closed -> emitter.complete());
                emitter.emit("connected");
            }).onFailure(emitter::fail);
        });
    }

    /** The unacknowledged notifications of the last day, sent on connect: the page has them already. */
    private static boolean backlog(String text) {
        try {
            return new JsonObject(text).getBoolean("backlog", false);
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String stripSlash(String path) {
        return path == null || path.equals("/") ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
