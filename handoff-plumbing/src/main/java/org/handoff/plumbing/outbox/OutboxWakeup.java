package org.handoff.plumbing.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wakes the relay on the outbox trigger's NOTIFY, which PostgreSQL delivers only after commit. */
@ApplicationScoped
public class OutboxWakeup {

    static final String CHANNEL = "handoff_outbox";

    private final PgSubscriber subscriber;
    private final OutboxRelay relay;

    public OutboxWakeup(Vertx vertx, OutboxRelay relay,
                        @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username") String user,
                        @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.relay = relay;
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user)
                .setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> 1000L);
    }

    void start(@Observes StartupEvent event) {
        subscriber.channel(CHANNEL)
                .handler(payload -> relay.wake())
                // a (re)connect may have missed notifications: look for unsent rows straight away
                .subscribeHandler(relay::wake);
        subscriber.connect().subscribe().with(
                ok -> Log.debug("outbox relay listening for commits"),
                failure -> Log.warnf("outbox LISTEN failed, relying on the safety poll: %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent event) {
        subscriber.closeAndAwait();
    }
}
