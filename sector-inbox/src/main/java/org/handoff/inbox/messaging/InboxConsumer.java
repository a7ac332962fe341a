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
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.consumer.EventConsumer;
import org.handoff.plumbing.consumer.IncomingEvents;

import java.util.Map;

/** This sector's inbox topic (handoff.&lt;sector&gt;.inbox): requests, cancellations, consent withdrawals. */
@ApplicationScoped
public class InboxConsumer implements EventConsumer<HandoffEvent> {

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
        return incoming.handle(batch, this);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public Class<? extends HandoffEvent> payloadType(EventContext envelope) {
        return EventConsumer.byType(TYPES, envelope);
    }

    @Override
    public Uni<Void> apply(HandoffEvent event, EventContext context) {
        if (event instanceof ReferralRequested requested) {
            return inbox.receive(requested, context);
        }
        if (event instanceof ReferralCancelled cancelled) {
            return inbox.cancel(cancelled);
        }
        return inbox.withdrawConsent((ConsentWithdrawn) event);
    }
}
