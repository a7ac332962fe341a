package org.handoff.social;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One psychosocial support session held with the survivor. */
@Entity
@Table(name = "psychosocial_session")
public class PsychosocialSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String agency;

    @Column(name = "held_at")
    public Instant heldAt;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    public String modality;

    public String counsellor;
}
