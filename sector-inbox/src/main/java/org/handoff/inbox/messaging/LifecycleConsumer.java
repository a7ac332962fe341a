package org.handoff.inbox.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.handoff.events.EventTypes;
import org.handoff.events.HandoffEvent;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralOverdue;
import org.handoff.inbox.service.ClosedLoopService;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.consumer.EventConsumer;
import org.handoff.plumbing.consumer.IncomingEvents;

import java.util.Map;

/** Closed loop: every referral's lifecycle, kept where this sector referred. */
@ApplicationScoped
public class LifecycleConsumer implements EventConsumer<HandoffEvent> {

    static final String CONSUMER = "closed-loop";
    private static final Map<String, Class<? extends HandoffEvent>> TYPES = Map.of(
            EventTypes.REFERRAL_LIFECYCLE_CHANGED, ReferralLifecycleChanged.class,
            EventTypes.REFERRAL_OVERDUE, ReferralOverdue.class);

    private final IncomingEvents incoming;
    private final ClosedLoopService closedLoop;

    public LifecycleConsumer(IncomingEvents incoming, ClosedLoopService closedLoop) {
        this.incoming = incoming;
        this.closedLoop = closedLoop;
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
    public Class<? extends HandoffEvent> payloadType(EventContext envelope) {
        return EventConsumer.byType(TYPES, envelope);
    }

    @Override
    public Uni<Void> apply(HandoffEvent event, EventContext context) {
        return event instanceof ReferralLifecycleChanged changed
                ? closedLoop.changed(changed)
                : closedLoop.overdue((ReferralOverdue) event);
    }
}
