package org.handoff.inbox.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.handoff.events.ConsentWithdrawn;
import org.handoff.events.EventTypes;
import org.handoff.events.HandoffEvent;
import org.handoff.events.ReferralCancelled;
import org.handoff.events.ReferralRequested;
import org.handoff.inbox.service.InboxService;
import org.handoff.plumbing.consumer.IncomingEvents;

import java.util.Map;

/** This sector's inbox topic (handoff.&lt;sector&gt;.inbox): requests, cancellations, consent withdrawals. */
@ApplicationScoped
public class InboxConsumer {

    static final String CONSUMER = "sector-inbox";
    private static final Map<String, Class<? extends HandoffEvent>> TYPES = Map.of(
            EventTypes.REFERRAL_REQUESTED, ReferralRequested.class,
            EventTypes.REFERRAL_CANCELLED, ReferralCancelled.class,
            EventTypes.CONSENT_WITHDRAWN, ConsentWithdrawn.class);

    private final IncomingEvents incoming;
    private final InboxService inbox;

    public InboxConsumer(IncomingEvents incoming, InboxService inbox) {
        this.incoming = incoming;
        this.inbox = inbox;
    }

    @Incoming("sector-inbox")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return incoming.<HandoffEvent>handle(batch, CONSUMER, TYPES, (event, context) -> {
            if (event instanceof ReferralRequested requested) {
                return inbox.receive(requested, context);
            }
            if (event instanceof ReferralCancelled cancelled) {
                return inbox.cancel(cancelled);
            }
            return inbox.withdrawConsent((ConsentWithdrawn) event);
        });
    }
}
