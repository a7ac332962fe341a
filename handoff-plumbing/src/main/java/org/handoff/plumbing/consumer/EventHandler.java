package org.handoff.plumbing.consumer;

import io.smallrye.mutiny.Uni;
import org.handoff.plumbing.cloudevents.EventContext;

/** Business reaction to one event; runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler<T> {

    Uni<Void> handle(T event, EventContext context);
}
