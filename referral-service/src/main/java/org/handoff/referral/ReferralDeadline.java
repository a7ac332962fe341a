package org.handoff.referral;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.handoff.events.DeadlineKind;

import java.time.Instant;
import java.util.UUID;

/** A deadline the watcher checks; escalation level counts the overdue events already emitted. */
@Entity
@Table(name = "referral_deadline")
public class ReferralDeadline extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    public DeadlineKind kind;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "escalation_level")
    public int escalationLevel;

    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    @Column(name = "met_at")
    public Instant metAt;
}
