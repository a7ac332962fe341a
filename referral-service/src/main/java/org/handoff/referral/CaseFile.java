package org.handoff.referral;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.handoff.events.IncidentType;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.UUID;

/** A case in the registry: pseudonymous, opened from the first report any sector made. */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "survivor_ref")
    public String survivorRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin_sector")
    public Sector originSector;

    @Column(name = "origin_agency")
    public String originAgency;

    @Column(name = "reported_by")
    public String reportedBy;

    public String region;

    @Enumerated(EnumType.STRING)
    @Column(name = "incident_type")
    public IncidentType incidentType;

    @Column(name = "incident_at")
    public Instant incidentAt;

    public boolean minor;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Column(name = "risk_yes_count")
    public int riskYesCount;

    @Column(name = "risk_basis")
    public String riskBasis;

    @Column(name = "correlation_id")
    public String correlationId;

    /** The CaseReported payload as received: the source of later referrals' minimal views. */
    public String report;

    @Column(name = "opened_at")
    public Instant openedAt;
}
