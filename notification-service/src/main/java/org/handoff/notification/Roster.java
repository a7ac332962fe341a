package org.handoff.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.ZoneId;

/** An agency's on-call set-up: its region, the time zone its shifts are written in, its agency system's webhook. */
@Entity
@Table(name = "roster")
public class Roster extends PanacheEntityBase {

    @Id
    public String agency;

    public String region;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "webhook_url")
    public String webhookUrl;

    /** Shared with the agency system to sign webhooks (HMAC-SHA256); never returned by the API. */
    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Version
    public int version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean hasWebhook() {
        return webhookUrl != null && webhookSecret != null;
    }
}
