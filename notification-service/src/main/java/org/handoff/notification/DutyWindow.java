package org.handoff.notification;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * When a weekly shift is on, in the roster's local time. The shift starts on each of {@code days} at
 * {@code start}; an {@code end} at or before {@code start} means it runs past midnight into the next day
 * (equal times: a 24-hour shift). Local times follow the zone's rules, so a shift written as 08:00–20:00
 * in Asia/Almaty stays 08:00–20:00 there whatever the UTC offset.
 */
public record DutyWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public DutyWindow {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean overnight() {
        return !end.isAfter(start);
    }

    public boolean covers(ZonedDateTime local) {
        DayOfWeek today = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        if (!overnight()) {
            return days.contains(today) && !time.isBefore(start) && time.isBefore(end);
        }
        boolean startedToday = days.contains(today) && !time.isBefore(start);
        boolean startedYesterday = days.contains(today.minus(1)) && time.isBefore(end);
        return startedToday || startedYesterday;
    }
}
