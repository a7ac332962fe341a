package org.handoff.inbox;

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

/** A report taken at this sector. Survivor PII is stored only sealed; the rest is the published, pseudonymous event. */
@Entity
@Table(name = "survivor_report")
public class SurvivorReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    public String agency;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "reported_at")
    public Instant reportedAt;

    public String region;

    @Column(name = "survivor_ref")
    public String survivorRef;

    public boolean minor;

    @Enumerated(EnumType.STRING)
    @Column(name = "incident_type")
    public IncidentType incidentType;

    @Column(name = "incident_at")
    public Instant incidentAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Column(name = "pii_key_id")
    public String piiKeyId;

    @Column(name = "pii_ciphertext")
    public byte[] piiCiphertext;

    @Column(name = "case_reported")
    public String caseReported;

    @Column(name = "correlation_id")
    public String correlationId;
}
