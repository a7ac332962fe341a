package org.handoff.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.handoff.events.DeadlineKind;
import org.handoff.events.Priority;
import org.handoff.events.ReferralState;
import org.handoff.events.Sector;

import java.time.Instant;
import java.util.UUID;

/** An overdue referral walking its recipient agency's chain until someone acknowledges. */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    public enum State {
        /** Waiting for an acknowledgement; moves one level up at {@code nextEscalationAt}. */
        OPEN,
        /** Someone in the chain acknowledged; it stopped at their level. */
        ACKNOWLEDGED,
        /** The referral moved on (received, accepted, closed): nothing left to escalate. */
        RESOLVED,
        /** Nobody is left above the last level notified. */
        EXHAUSTED
    }

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "case_id")
    public UUID caseId;

    public String agency;

    @Enumerated(EnumType.STRING)
    public DeadlineKind deadline;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_state")
    public ReferralState referralState;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public int level;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "next_escalation_at")
    public Instant nextEscalationAt;

    @Column(name = "acknowledged_level")
    public Integer acknowledgedLevel;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public void close(State outcome, Instant at) {
        state = outcome;
        closedAt = at;
        nextEscalationAt = null;
    }
}
