package org.handoff.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the inbox API answers (sector-inbox's InboxReferralView), as the console reads it. The view also
 * carries the survivor, the sector's view of the case and the sector details: they are not declared here,
 * so the console never even reads them, and no page can show them.
 */
public final class Inbox {

    private Inbox() {
    }

    /** The decline reasons and completion outcomes of referral-events (DeclineReason, CompletionOutcome, ServiceType). */
    public static final List<String> DECLINE_REASONS = List.of("OUTSIDE_MANDATE", "NO_CAPACITY", "WRONG_AGENCY",
            "SURVIVOR_DECLINED", "SURVIVOR_UNREACHABLE", "DUPLICATE_REFERRAL");
    public static final List<String> OUTCOMES = List.of("SERVICES_PROVIDED", "PARTIALLY_PROVIDED",
            "SURVIVOR_DECLINED_SERVICES", "SURVIVOR_UNREACHABLE", "REFERRED_ONWARD");
    public static final List<String> SERVICE_TYPES = List.of("MEDICAL_CARE", "POST_EXPOSURE_PROPHYLAXIS",
            "EMERGENCY_CONTRACEPTION", "FORENSIC_EXAMINATION", "PSYCHOSOCIAL_SUPPORT", "SAFETY_PLANNING", "SHELTER",
            "LEGAL_AID", "CHILD_PROTECTION", "INVESTIGATION", "PROTECTION_ORDER");
    /** referral-events' ReferralState, in the order of the main path, then the side exits. */
    public static final List<String> STATES = List.of("REQUESTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS", "COMPLETED",
            "DECLINED", "CANCELLED", "FAILED", "EXPIRED");

    public record Deadlines(Instant receiptDue, Instant acceptanceDue) {
    }

    /** References, states, agencies, deadlines and codes only. */
    public record Referral(UUID referralId, UUID caseId, String sector, String agency, String referringSector,
                           String region, String priority, String state, long version, Instant requestedAt,
                           Instant receivedAt, Deadlines deadlines, boolean overdue, Instant acceptedAt,
                           Instant startedAt, Instant closedAt, String declineReason, String outcome,
                           String cancellationReason, boolean restricted) {
    }

    public record Page(List<Referral> items, int page, int size, long total) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decline(String reason, String redirectAgency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Complete(String outcome, Set<String> servicesProvided) {
    }
}
