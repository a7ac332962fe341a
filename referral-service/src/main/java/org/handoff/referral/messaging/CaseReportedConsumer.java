package org.handoff.referral.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.handoff.events.CaseReported;
import org.handoff.plumbing.consumer.IncomingEvents;
import org.handoff.referral.service.CaseRegistry;

@ApplicationScoped
public class CaseReportedConsumer {

    private final IncomingEvents incoming;
    private final CaseRegistry registry;

    public CaseReportedConsumer(IncomingEvents incoming, CaseRegistry registry) {
        this.incoming = incoming;
        this.registry = registry;
    }

    @Incoming("case-reported")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return incoming.handle(batch, "referral-service.case-reported", CaseReported.class, registry::open);
    }
}
