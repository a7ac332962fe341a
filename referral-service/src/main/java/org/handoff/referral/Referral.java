package org.handoff.referral;

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
import org.handoff.events.LegalOverride;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.UUID;

/** One handoff to one recipient sector, and where it stands. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_sector")
    public Sector recipientSector;

    @Column(name = "recipient_agency")
    public String recipientAgency;

    @Enumerated(EnumType.STRING)
    @Column(name = "referring_sector")
    public Sector referringSector;

    @Column(name = "referring_agency")
    public String referringAgency;

    @Column(name = "requested_by")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    public ReferralState state;

    /** Comma-separated ServiceType names. */
    public String services;

    @Column(name = "routing_rules")
    public String routingRules;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_override")
    public LegalOverride legalOverride;

    @Column(name = "receipt_due")
    public Instant receiptDue;

    @Column(name = "acceptance_due")
    public Instant acceptanceDue;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    public CancellationReason cancellationReason;

    @Enumerated(EnumType.STRING)
    public CompletionOutcome outcome;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
