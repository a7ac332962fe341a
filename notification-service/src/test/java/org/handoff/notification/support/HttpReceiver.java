package org.handoff.notification.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for agency systems (webhooks) and the SMS gateway: records every
 * request, and answers each path with a status a test may set (200 by default).
 */
public final class HttpReceiver {

    public record Request(String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, FailPlan> failing = new ConcurrentHashMap<>();

    private record FailPlan(AtomicInteger remaining, int status) {
    }

    public HttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body));
            FailPlan plan = failing.get(path);
            int status = plan != null && plan.remaining().getAndDecrement() > 0 ? plan.status() : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code times} requests to {@code path} get {@code status}. */
    public void fail(String path, int times, int status) {
        failing.put(path, new FailPlan(new AtomicInteger(times), status));
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public void stop() {
        server.stop(0);
    }
}
