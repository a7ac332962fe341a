package org.handoff.console.api;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.console.ConsoleConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The five services the console talks to, in the order the pages list them. Every one exposes the same
 * dead-letter and per-case flow APIs (handoff-plumbing), so each client interface is built once per base
 * URL; each call carries the signed-in user's access token ({@link UserAccessToken}).
 */
@ApplicationScoped
public class Services {

    /** Short name as in {@code handoff.console.services.<name>.url}; the service is "<name>-service". */
    public static final List<String> NAMES = List.of("referral", "police", "health", "social", "notification");

    /**
     * The sector services, each with the same referral inbox (sector-inbox): a person's {@code sector} claim
     * (police, health, social) is the name of the service that holds their inbox.
     */
    public static final List<String> SECTORS = List.of("police", "health", "social");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    // a page waits for its slowest service: a stuck one shows as an error instead of hanging the page
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, DeadLetterApi> deadLetters = new LinkedHashMap<>();
    private final Map<String, CaseFlowApi> flows = new LinkedHashMap<>();
    private final Map<String, OutboxApi> outboxes = new LinkedHashMap<>();
    private final Map<String, InboxApi> inboxes = new LinkedHashMap<>();

    public Services(ConsoleConfig config) {
        for (String name : NAMES) {
            ConsoleConfig.ServiceEndpoint endpoint = config.services().get(name);
            if (endpoint == null) {
                throw new IllegalStateException("handoff.console.services." + name + ".url is not set");
            }
            deadLetters.put(name, client(endpoint, DeadLetterApi.class));
            flows.put(name, client(endpoint, CaseFlowApi.class));
            outboxes.put(name, client(endpoint, OutboxApi.class));
            if (SECTORS.contains(name)) {
                inboxes.put(name, client(endpoint, InboxApi.class));
            }
        }
    }

    private static <T> T client(ConsoleConfig.ServiceEndpoint endpoint, Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(endpoint.url())
                .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build(api);
    }

    public static boolean known(String name) {
        return NAMES.contains(name);
    }

    public DeadLetterApi deadLetters(String name) {
        return of(deadLetters, name);
    }

    public CaseFlowApi flows(String name) {
        return of(flows, name);
    }

    public OutboxApi outbox(String name) {
        return of(outboxes, name);
    }

    /** The inbox of a sector ({@link #SECTORS}); 404 for anything else. */
    public InboxApi inbox(String sector) {
        return of(inboxes, sector);
    }

    private static <T> T of(Map<String, T> clients, String name) {
        T api = clients.get(name);
        if (api == null) {
            throw new jakarta.ws.rs.NotFoundException("no service " + name);
        }
        return api;
    }
}
