package org.handoff.social;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A case's safety plan, stored only sealed. */
@Entity
@Table(name = "safety_plan")
public class SafetyPlan extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    public String agency;

    @Column(name = "plan_key_id")
    public String planKeyId;

    @Column(name = "plan_sealed")
    public byte[] planSealed;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
