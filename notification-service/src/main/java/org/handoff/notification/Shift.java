package org.handoff.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A weekly shift at one level of an agency's chain (1 = duty officer, 2 = supervisor, 3 = coordinator). */
@Entity
@Table(name = "roster_shift")
public class Shift extends PanacheEntityBase {

    @Id
    public UUID id;

    public String agency;

    public int level;

    @Column(name = "user_id")
    public String userId;

    /** The days the shift starts on, comma-separated day names. */
    public String days;

    @Column(name = "starts_at")
    public LocalTime startsAt;

    @Column(name = "ends_at")
    public LocalTime endsAt;

    public Set<DayOfWeek> dayset() {
        return days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                : Arrays.stream(days.split(",")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    public static String days(Set<DayOfWeek> days) {
        return EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    public DutyWindow window() {
        return new DutyWindow(dayset(), startsAt, endsAt);
    }

    public boolean covers(Instant instant, ZoneId zone) {
        return window().covers(instant.atZone(zone));
    }
}
