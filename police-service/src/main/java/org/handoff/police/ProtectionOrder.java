package org.handoff.police;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A protection order from the moment it falls due until it expires. */
@Entity
@Table(name = "protection_order")
public class ProtectionOrder extends PanacheEntityBase {

    /** Where the order is in its life; derived from the timestamps and the clock, never stored. */
    public enum Status {
        /** Not yet issued, still within the due time. */
        DUE,
        /** Not issued and past the due time. */
        OVERDUE,
        /** Issued and in force. */
        ACTIVE,
        /** Issued and past its end. */
        EXPIRED,
        /** The referral it came from was cancelled before it was issued. */
        CANCELLED
    }

    public enum Source { REPORT, REFERRAL }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String agency;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Source source;

    @Column(name = "source_id")
    public UUID sourceId;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "order_number")
    public String orderNumber;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "duration_days")
    public Integer durationDays;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Version
    public long version;

    public Status status(Instant now) {
        if (issuedAt == null) {
            return cancelledAt != null ? Status.CANCELLED : now.isAfter(dueAt) ? Status.OVERDUE : Status.DUE;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }
}
