package org.handoff.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.handoff.events.EventTypes;
import org.handoff.events.ReferralEvent;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralOverdue;
import org.handoff.notification.channel.DeliveryDispatcher;
import org.handoff.notification.service.EscalationService;
import org.handoff.notification.service.ReferralNotificationService;
import org.handoff.plumbing.consumer.IncomingEvents;

import java.util.Map;

/**
 * Reads {@code handoff.referral-lifecycle}: each event is applied once (the processed-event row, the
 * notifications and their pending deliveries commit together), then the channels are woken to send.
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
    public Uni<Void> consume(Message<String> message) {
        return incoming.<ReferralEvent>handle(message, CONSUMER, TYPES, (event, context) -> {
            if (event instanceof ReferralLifecycleChanged changed) {
                return referrals.lifecycleChanged(changed, context.correlationId());
            }
            return escalations.overdue((ReferralOverdue) event, context.correlationId());
        }).invoke(dispatcher::wake);
    }
}
