package org.handoff.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Someone who can be notified: a duty officer, supervisor, coordinator or referring officer. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    public String agency;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    public String phone;

    public String language;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
