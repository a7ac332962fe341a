package org.handoff.social;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A shelter and its live capacity; {@code occupied} only ever moves through one conditional UPDATE. */
@Entity
@Table(name = "shelter")
public class Shelter extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String region;

    public String agency;

    public int capacity;

    public int occupied;
}
