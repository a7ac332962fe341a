package org.handoff.health;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A clinical encounter; the notes are stored only sealed. */
@Entity
@Table(name = "encounter")
public class Encounter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "referral_id")
    public UUID referralId;

    public String agency;

    @Column(name = "seen_by")
    public String seenBy;

    @Column(name = "seen_at")
    public Instant seenAt;

    public String services;

    @Column(name = "pep_started")
    public boolean pepStarted;

    @Column(name = "ec_given")
    public boolean ecGiven;

    @Column(name = "forensic_evidence")
    public String forensicEvidence;

    @Column(name = "notes_key_id")
    public String notesKeyId;

    @Column(name = "notes_ciphertext")
    public byte[] notesCiphertext;

    @Column(name = "created_at")
    public Instant createdAt;
}
