package org.handoff.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.handoff.events.CancellationReason;
import org.handoff.events.CompletionOutcome;
import org.handoff.events.DeclineReason;
import org.handoff.events.EventJson;
import org.handoff.events.Priority;
import org.handoff.events.ReferralRequested;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A referral in this sector's inbox: the request as received, and where the recipient has taken it. */
@Entity
@Table(name = "inbox_referral")
public class InboxReferral extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    public String agency;

    @Enumerated(EnumType.STRING)
    @Column(name = "referring_sector")
    public Sector referringSector;

    public String region;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    public ReferralState state;

    public Boolean minor;

    @Column(name = "request_json")
    public String requestJson;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "receipt_due")
    public Instant receiptDue;

    @Column(name = "acceptance_due")
    public Instant acceptanceDue;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    @Enumerated(EnumType.STRING)
    public CompletionOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    public CancellationReason cancellationReason;

    public boolean restricted;

    @Column(name = "restricted_reason")
    public String restrictedReason;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "last_actor")
    public String lastActor;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Optimistic lock and the ETag officers send back in If-Match. */
    @Version
    public long version;

    /** The request as received; empty once the data was restricted (cancellation, consent withdrawal). */
    public Optional<ReferralRequested> request() {
        return requestJson == null ? Optional.empty()
                : Optional.of(EventJson.read(requestJson.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ReferralRequested.class));
    }

    /** Past the acceptance deadline with nobody having accepted or declined. */
    public boolean overdue(Instant now) {
        return (state == ReferralState.REQUESTED || state == ReferralState.RECEIVED) && now.isAfter(acceptanceDue);
    }

    /** Drops everything about the survivor and the incident; ids and the state stay for the audit trail. */
    public void restrict(String reason) {
        restricted = true;
        restrictedReason = reason;
        requestJson = null;
        minor = null;
    }
}
