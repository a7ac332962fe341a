package org.handoff.referral;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.handoff.events.LegalOverride;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.UUID;

/** Why a sector did or did not receive a referral: the audit of consent and legal overrides. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    public String decision;

    public String rules;

    @Enumerated(EnumType.STRING)
    @Column(name = "override_basis")
    public LegalOverride overrideBasis;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
