package org.handoff.notification.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.notification.channel.DeliveryDispatcher;

/** Runs the escalation pass on a schedule ({@code off} in tests, which drive it with their own clock). */
@ApplicationScoped
public class EscalationClock {

    private final EscalationService escalations;
    private final DeliveryDispatcher dispatcher;

    public EscalationClock(EscalationService escalations, DeliveryDispatcher dispatcher) {
        this.escalations = escalations;
        this.dispatcher = dispatcher;
    }

    @Scheduled(every = "${handoff.notification.escalation.every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return escalate().replaceWithVoid();
    }

    /** One pass; after its commit wakes the channels that got deliveries. Returns how many escalations moved. */
    public Uni<Integer> escalate() {
        return escalations.escalateDue()
                .invoke(pass -> dispatcher.wakeIfAny(pass.deliveries()))
                .map(EscalationService.Pass::moved);
    }
}
