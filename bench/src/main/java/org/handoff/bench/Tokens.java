package org.handoff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens of the three agency systems (client-credentials grant). Tokens live 5 minutes: a
 * background thread fetches fresh ones every minute, so the load never waits for Keycloak.
 */
final class Tokens implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String tokenUrl;
    private final Map<Sector, String> secrets;
    private final Map<Sector, String> current = new EnumMap<>(Sector.class);
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-refresh");
        t.setDaemon(true);
        return t;
    });

    Tokens(String keycloakUrl, Map<Sector, String> secrets) {
        this.tokenUrl = keycloakUrl + "/realms/handoff/protocol/openid-connect/token";
        this.secrets = secrets;
    }

    void start() throws IOException, InterruptedException {
        refreshAll();
        refresher.scheduleAtFixedRate(() -> {
            try {
                refreshAll();
            } catch (Exception e) {
                System.err.println("token refresh failed (old tokens stay in use): " + e);
            }
        }, 60, 60, TimeUnit.SECONDS);
    }

    synchronized String bearer(Sector sector) {
        return "Bearer " + current.get(sector);
    }

    private void refreshAll() throws IOException, InterruptedException {
        for (Sector sector : Sector.values()) {
            String token = fetch(sector);
            synchronized (this) {
                current.put(sector, token);
            }
        }
    }

    private String fetch(Sector sector) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + sector.clientId()
                + "&client_secret=" + URLEncoder.encode(secrets.get(sector), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token for " + sector.clientId() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode node = json.readTree(response.body());
        return node.get("access_token").asText();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
