package org.handoff.referral;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.handoff.events.ReferralState;

import java.time.Instant;
import java.util.UUID;

/** A timeline entry: a state the referral reached, who moved it, when, at which agency. */
@Entity
@Table(name = "referral_step")
public class ReferralStep extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public ReferralState state;

    @Column(name = "actor_user")
    public String actorUser;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "actor_agency")
    public String actorAgency;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** Decline reason, cancellation reason or completion outcome: codes, never free text. */
    public String detail;
}
