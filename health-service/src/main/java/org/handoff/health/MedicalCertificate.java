package org.handoff.health;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The medical certificate of an encounter: findings sealed, police access only with the survivor's consent. */
@Entity
@Table(name = "medical_certificate")
public class MedicalCertificate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "encounter_id")
    public UUID encounterId;

    @Column(name = "case_id")
    public UUID caseId;

    public String agency;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "findings_key_id")
    public String findingsKeyId;

    @Column(name = "findings_ciphertext")
    public byte[] findingsCiphertext;

    @Column(name = "police_consent")
    public boolean policeConsent;

    @Column(name = "consent_recorded_by")
    public String consentRecordedBy;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;
}
