package org.handoff.events;

import java.time.Instant;
import java.util.UUID;

/** Common shape of every event payload: keyed by case id, stamped with when the fact happened. */
public interface HandoffEvent {

    /** The case this event belongs to: the Kafka key and the CloudEvents {@code subject}. */
    UUID caseId();

    /** When the fact happened (usually equal to {@code ce_time}). */
    Instant occurredAt();

    /** The CloudEvents type of this payload, e.g. {@code org.handoff.referral.accepted.v1}. */
    default String eventType() {
        return EventTypes.typeOf(getClass());
    }
}
