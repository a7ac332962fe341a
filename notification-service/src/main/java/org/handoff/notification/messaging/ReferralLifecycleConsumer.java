package org.handoff.notification.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.handoff.events.EventTypes;
import org.handoff.events.ReferralEvent;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralOverdue;
import org.handoff.notification.channel.DeliveryDispatcher;
import org.handoff.notification.channel.NewDeliveries;
import org.handoff.notification.service.EscalationService;
import org.handoff.notification.service.ReferralNotificationService;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.consumer.EventConsumer;
import org.handoff.plumbing.consumer.IncomingEvents;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads every sector's lifecycle topic ({@code handoff.<sector>.lifecycle}): each event is applied once
 * (the processed-event row, the notifications and their pending deliveries commit together), then the
 * channels that got deliveries are woken to send.
 */
@ApplicationScoped
public class ReferralLifecycleConsumer implements EventConsumer<ReferralEvent> {

    static final String CONSUMER = "notification-service.referral-lifecycle";

    private static final Map<String, Class<? extends ReferralEvent>> TYPES = Map.of(
            EventTypes.REFERRAL_LIFECYCLE_CHANGED, ReferralLifecycleChanged.class,
            EventTypes.REFERRAL_OVERDUE, ReferralOverdue.class);

    private final IncomingEvents incoming;
    private final ReferralNotificationService referrals;
    private final EscalationService escalations;
    private final DeliveryDispatcher dispatcher;
    /**
     * The channels applied events gave work since the last commit. An attempt that was rolled back and
     * retried can only add a channel to wake, which then finds nothing due — never miss one that has
     * work. A replay running beside a live batch may have its channels woken by the batch's commit
     * before its own; the dispatcher's safety poll then sends them.
     */
    private final AtomicReference<NewDeliveries> created = new AtomicReference<>(NewDeliveries.NONE);

    public ReferralLifecycleConsumer(IncomingEvents incoming, ReferralNotificationService referrals,
                                     EscalationService escalations, DeliveryDispatcher dispatcher) {
        this.incoming = incoming;
        this.referrals = referrals;
        this.escalations = escalations;
        this.dispatcher = dispatcher;
    }

    @Incoming("referral-lifecycle")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return incoming.handle(batch, this);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public Class<? extends ReferralEvent> payloadType(EventContext envelope) {
        return EventConsumer.byType(TYPES, envelope);
    }

    @Override
    public Uni<Void> apply(ReferralEvent event, EventContext context) {
        Uni<NewDeliveries> handled = event instanceof ReferralLifecycleChanged changed
                ? referrals.lifecycleChanged(changed, context.correlationId())
                : escalations.overdue((ReferralOverdue) event, context.correlationId());
        return handled.invoke(result -> created.updateAndGet(sofar -> sofar.plus(result))).replaceWithVoid();
    }

    @Override
    public void afterCommit() {
        dispatcher.wakeIfAny(created.getAndSet(NewDeliveries.NONE));
    }
}
