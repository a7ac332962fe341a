package org.handoff.social;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A survivor (and children) placed in a shelter; releasing frees the beds. */
@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shelter_id")
    public UUID shelterId;

    @Column(name = "case_id")
    public UUID caseId;

    public String agency;

    public int beds;

    @Column(name = "placed_at")
    public Instant placedAt;

    @Column(name = "placed_by")
    public String placedBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Version
    public long version;
}
