import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The demo stack's stand-in for what notification-service calls over HTTP outside the stack: the SMS
 * gateway ({@code POST /sms}) and the agency systems' webhook receivers ({@code POST /webhooks/<agency>}).
 * It keeps what it received in memory (the last 1000 per path) and shows it, oldest first, on {@code GET}
 * of the same path ({@code GET /webhooks} lists every agency's); {@code GET /} counts per path.
 *
 * <p>A webhook receiver must check the signature, so this one does, as an agency system would
 * (notification-service README, "Channels"): HMAC-SHA256 over {@code "<t>.<body>"} with the shared
 * secret, at most 5 minutes old. A bad or missing signature is recorded and answered 401.
 *
 * <p>Run by deploy/local/demo.sh: {@code java Sink.java PORT}, the secret in {@code DEMO_WEBHOOK_SECRET}.
 */
public class Sink {

    /** A demo sink, not an archive: a path's oldest records go once it has this many. */
    private static final int KEEP_PER_PATH = 1000;
    private static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);
    /** Per path, oldest first. */
    private static final Map<String, Deque<Received>> RECEIVED = new TreeMap<>();

    record Received(Instant at, String path, String signature, String delivery, String body) {

        String json() {
            return "{\"receivedAt\":\"" + at + "\",\"path\":" + quote(path)
                    + (signature == null ? "" : ",\"signature\":\"" + signature + "\"")
                    + (delivery == null ? "" : ",\"delivery\":" + quote(delivery))
                    + ",\"body\":" + quote(body) + "}";
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        String secret = System.getenv("DEMO_WEBHOOK_SECRET");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, secret);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("sink listening on http://127.0.0.1:" + port + " (POST /sms, POST /webhooks/<agency>)");
    }

    private static void handle(HttpExchange exchange, String secret) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (path.equals("/sms")) {
                    record(new Received(Instant.now(), path, null, null, body));
                    answer(exchange, 200, "{\"status\":\"accepted\"}");
                } else if (path.startsWith("/webhooks/") && path.length() > "/webhooks/".length()) {
                    boolean valid = secret != null && verify(secret,
                            exchange.getRequestHeaders().getFirst("X-Handoff-Signature"), body, Instant.now());
                    record(new Received(Instant.now(), path, valid ? "valid" : "invalid",
                            exchange.getRequestHeaders().getFirst("X-Handoff-Delivery"), body));
                    answer(exchange, valid ? 200 : 401, valid ? "{\"status\":\"accepted\"}"
                            : "{\"status\":\"refused\",\"reason\":\"signature missing, wrong or too old\"}");
                } else {
                    answer(exchange, 404, "{\"status\":\"no such sink: POST /sms or /webhooks/<agency>\"}");
                }
            }
            case "GET" -> {
                if (path.isEmpty()) {
                    answer(exchange, 200, counts());
                } else {
                    answer(exchange, 200, under(path).stream().map(Received::json).collect(Collectors.joining(",\n", "[", "]\n")));
                }
            }
            default -> answer(exchange, 405, "{\"status\":\"GET or POST\"}");
        }
    }

    private static synchronized void record(Received r) {
        Deque<Received> path = RECEIVED.computeIfAbsent(r.path(), p -> new ArrayDeque<>());
        path.addLast(r);
        if (path.size() > KEEP_PER_PATH) {
            path.removeFirst();
        }
    }

    /** What the path and the paths under it received, in order of arrival. */
    private static synchronized List<Received> under(String prefix) {
        return RECEIVED.entrySet().stream()
                .filter(e -> e.getKey().equals(prefix) || e.getKey().startsWith(prefix + "/"))
                .flatMap(e -> e.getValue().stream())
                .sorted(Comparator.comparing(Received::at)).toList();
    }

    private static synchronized String counts() {
        return RECEIVED.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue().size())
                .collect(Collectors.joining(",", "{", "}\n"));
    }

    /** The check notification-service's WebhookSignature.verify makes, written out as an agency system would. */
    static boolean verify(String secret, String header, String body, Instant now) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(t));
            if (Duration.between(signedAt, now).abs().compareTo(SIGNATURE_TOLERANCE) > 0) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
