package org.handoff.health;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A follow-up visit due some time after an encounter. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "encounter_id")
    public UUID encounterId;

    @Column(name = "case_id")
    public UUID caseId;

    public String agency;

    /** ISO-8601 interval after the encounter, e.g. P14D. */
    public String visit;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by")
    public String doneBy;

    @Version
    public long version;
}
