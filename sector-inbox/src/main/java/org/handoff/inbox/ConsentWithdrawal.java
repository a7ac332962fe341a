package org.handoff.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A consent withdrawal the survivor made at this sector, kept beside the report it concerns. */
@Entity
@Table(name = "consent_withdrawal")
public class ConsentWithdrawal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "case_id")
    public UUID caseId;

    public String sectors;

    @Column(name = "data_categories")
    public String dataCategories;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
