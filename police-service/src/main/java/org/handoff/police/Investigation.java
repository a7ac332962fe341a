package org.handoff.police;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The police records system's investigation reference for a case. */
@Entity
@Table(name = "investigation")
public class Investigation extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    public String agency;

    public String reference;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
