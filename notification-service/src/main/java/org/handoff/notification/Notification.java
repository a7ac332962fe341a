package org.handoff.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.handoff.events.Actor;
import org.handoff.events.NotificationReason;

import java.time.Instant;
import java.util.UUID;

/** One notification to one person, rendered once in their language; tracked until acknowledged. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    public NotificationReason reason;

    @Column(name = "recipient_user_id")
    public String recipientUserId;

    @Column(name = "recipient_role")
    public String recipientRole;

    @Column(name = "recipient_agency")
    public String recipientAgency;

    @Column(name = "escalation_id")
    public UUID escalationId;

    @Column(name = "escalation_level")
    public int escalationLevel;

    public String language;

    public String subject;

    public String body;

    /** The facts the content was made from (JSON), sent as they are to consoles and agency systems. */
    public String facts;

    @Column(name = "ack_token")
    public String ackToken;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_role")
    public String acknowledgedRole;

    @Column(name = "acknowledged_agency")
    public String acknowledgedAgency;

    public Actor recipient() {
        return new Actor(recipientUserId, recipientRole, recipientAgency);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
