package org.handoff.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.handoff.events.ReferralState;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One move of an originated referral: who moved it, when, and how long it waited. */
@Entity
@Table(name = "origin_referral_step")
public class OriginReferralStep extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ReferralState fromState;

    @Column(name = "actor_user")
    public String actorUser;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "actor_agency")
    public String actorAgency;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "latency_millis")
    public Long latencyMillis;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "referral_id")
        public UUID referralId;

        @Enumerated(EnumType.STRING)
        @Column(name = "to_state")
        public ReferralState toState;

        public Key() {
        }

        public Key(UUID referralId, ReferralState toState) {
            this.referralId = referralId;
            this.toState = toState;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && referralId.equals(key.referralId) && toState == key.toState;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(referralId, toState);
        }
    }
}
