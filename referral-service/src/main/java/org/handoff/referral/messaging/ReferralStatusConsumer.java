package org.handoff.referral.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.handoff.events.ConsentWithdrawn;
import org.handoff.events.EventTypes;
import org.handoff.events.HandoffEvent;
import org.handoff.events.ReferralStatusEvent;
import org.handoff.events.Topics;
import org.handoff.plumbing.cloudevents.EventContext;
import org.handoff.plumbing.consumer.EventConsumer;
import org.handoff.plumbing.consumer.IncomingEvents;
import org.handoff.plumbing.consumer.PoisonEventException;
import org.handoff.referral.CaseFile;
import org.handoff.referral.service.ReferralCommands;
import org.handoff.referral.service.ReferralStatusService;

import java.util.Map;
import java.util.stream.Collectors;

/** Recipients' status reports and consent withdrawals they recorded, from handoff.referral-status. */
@ApplicationScoped
public class ReferralStatusConsumer implements EventConsumer<HandoffEvent> {

    private static final Map<String, Class<? extends HandoffEvent>> TYPES = Topics.eventTypes(Topics.REFERRAL_STATUS)
            .stream().collect(Collectors.toMap(type -> type, type -> EventTypes.PAYLOAD_TYPES.get(type)));

    private final IncomingEvents incoming;
    private final ReferralStatusService status;
    private final ReferralCommands commands;

    public ReferralStatusConsumer(IncomingEvents incoming, ReferralStatusService status, ReferralCommands commands) {
        this.incoming = incoming;
        this.status = status;
        this.commands = commands;
    }

    @Incoming("referral-status")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return incoming.handle(batch, this);
    }

    @Override
    public String name() {
        return "referral-service.referral-status";
    }

    @Override
    public Class<? extends HandoffEvent> payloadType(EventContext envelope) {
        return EventConsumer.byType(TYPES, envelope);
    }

    @Override
    public Uni<Void> apply(HandoffEvent event, EventContext context) {
        if (event instanceof ReferralStatusEvent statusEvent) {
            return status.onStatus(statusEvent, context);
        }
        ConsentWithdrawn withdrawn = (ConsentWithdrawn) event;
        return CaseFile.<CaseFile>findById(withdrawn.caseId()).chain(caseFile -> {
            if (caseFile == null) {
                throw new PoisonEventException("consent withdrawn for unknown case " + withdrawn.caseId());
            }
            return commands.withdrawConsent(caseFile, withdrawn.sectors(), withdrawn.dataCategories(), withdrawn.recordedBy());
        }).replaceWithVoid();
    }
}
