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
import org.handoff.plumbing.consumer.IncomingEvents;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads every sector's lifecycle topic ({@code handoff.<sector>.lifecycle}): each event is applied once
 * (the processed-event row, the notifications and their pending deliveries commit together), then the
 * channels that got deliveries are woken to send.
 */
@ApplicationScoped
public class ReferralLifecycleConsumer {

    static final String CONSUMER = "notification-service.referral-lifecycle";

    private static final Map<String, Class<? extends ReferralEvent>> TYPES = Map.of(
            EventTypes.REFERRAL_LIFECYCLE_CHANGED, ReferralLifecycleChanged.class,
            EventTypes.REFERRAL_OVERDUE, ReferralOverdue.class);

    private final IncomingEvents incoming;
    private final ReferralNotificationService referrals;
    private final EscalationService escalations;
    private final DeliveryDispatcher dispatcher;

    public ReferralLifecycleConsumer(IncomingEvents incoming, ReferralNotificationService referrals,
                                     EscalationService escalations, DeliveryDispatcher dispatcher) {
        this.incoming = incoming;
        this.referrals = referrals;
        this.escalations = escalations;
        this.dispatcher = dispatcher;
    }

    @Incoming("referral-lifecycle")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        // the channels any attempt of this batch gave work: an attempt that was rolled back and retried
        // can only add a channel to wake, which then finds nothing due — never miss one that has work
        AtomicReference<NewDeliveries> created = new AtomicReference<>(NewDeliveries.NONE);
        return incoming.<ReferralEvent>handle(batch, CONSUMER, TYPES, (event, context) -> {
            Uni<NewDeliveries> handled = event instanceof ReferralLifecycleChanged changed
                    ? referrals.lifecycleChanged(changed, context.correlationId())
                    : escalations.overdue((ReferralOverdue) event, context.correlationId());
            return handled.invoke(result -> created.updateAndGet(sofar -> sofar.plus(result))).replaceWithVoid();
        }).invoke(() -> dispatcher.wakeIfAny(created.get()));
    }
}
