package org.handoff.health.rest;

import org.handoff.events.ServiceType;
import org.handoff.health.FollowUp;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An encounter with its follow-up schedule; {@code notes} only for the treating agency's health workers. */
public record EncounterView(UUID id, UUID caseId, UUID referralId, String agency, String seenBy, Instant seenAt,
                            Set<ServiceType> servicesProvided, boolean pepStarted, boolean ecGiven,
                            List<String> forensicEvidence, String notes, List<FollowUpView> followUps) {

    public record FollowUpView(UUID id, UUID encounterId, UUID caseId, String visit, Instant dueAt, Instant doneAt,
                               String doneBy, long version) {
        public static FollowUpView of(FollowUp f) {
            return new FollowUpView(f.id, f.encounterId, f.caseId, f.visit, f.dueAt, f.doneAt, f.doneBy, f.version);
        }
    }
}
