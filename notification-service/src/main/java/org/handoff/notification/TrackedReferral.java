package org.handoff.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.UUID;

/** What this service knows of a referral from the lifecycle topic: who referred it, where it stands. */
@Entity
@Table(name = "tracked_referral")
public class TrackedReferral extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

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

    /** The officer who made the referral, when a person (not a system account) did. */
    @Column(name = "referrer_user_id")
    public String referrerUserId;

    @Column(name = "referrer_role")
    public String referrerRole;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    public ReferralState state;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
