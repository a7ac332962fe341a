package org.handoff.referral.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.handoff.events.CaseReported;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.consumer.EventConsumer;
import org.handoff.plumbing.consumer.IncomingEvents;
import org.handoff.referral.service.CaseRegistry;

/** Reports taken by the sectors, from handoff.case-reported: each becomes a case, routed and referred. */
@ApplicationScoped
public class CaseReportedConsumer implements EventConsumer<CaseReported> {

    private final IncomingEvents incoming;
    private final CaseRegistry registry;

    public CaseReportedConsumer(IncomingEvents incoming, CaseRegistry registry) {
        this.incoming = incoming;
        this.registry = registry;
    }

    @Incoming("case-reported")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return incoming.handle(batch, this);
    }

    @Override
    public String name() {
        return "referral-service.case-reported";
    }

    /** The topic carries one event type. */
    @Override
    public Class<? extends CaseReported> payloadType(EventContext envelope) {
        return CaseReported.class;
    }

    @Override
    public Uni<Void> apply(CaseReported event, EventContext envelope) {
        return registry.open(event, envelope);
    }
}
