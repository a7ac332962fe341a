package org.handoff.notification;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DutyWindowTest {

    private static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek");

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(BISHKEK);
    }

    @Test
    void dayShiftCoversItsHoursOnItsDaysOnly() {
        DutyWindow day = new DutyWindow(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(20, 0));
        assertFalse(day.covers(at("2026-03-02T07:59")));
        assertTrue(day.covers(at("2026-03-02T08:00")));
        assertTrue(day.covers(at("2026-03-02T19:59")));
        assertFalse(day.covers(at("2026-03-02T20:00")), "the end is exclusive");
        assertFalse(day.covers(at("2026-03-03T09:00")), "Tuesday is not a shift day");
    }

    @Test
    void nightShiftBelongsToTheDayItStarts() {
        DutyWindow night = new DutyWindow(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(20, 0), LocalTime.of(8, 0));
        assertTrue(night.covers(at("2026-03-06T22:00")), "Friday night");
        assertTrue(night.covers(at("2026-03-07T07:59")), "Saturday morning, same shift");
        assertFalse(night.covers(at("2026-03-07T20:00")), "Saturday night is not a shift");
        assertFalse(night.covers(at("2026-03-06T07:00")), "Friday morning belongs to Thursday's night");
    }

    @Test
    void equalStartAndEndIsTwentyFourHours() {
        DutyWindow allDay = new DutyWindow(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertTrue(allDay.covers(at("2026-03-08T00:00")));
        assertTrue(allDay.covers(at("2026-03-08T23:59")));
        assertFalse(allDay.covers(at("2026-03-09T00:00")));
    }

    @Test
    void localTimeFollowsTheZoneNotUtc() {
        DutyWindow day = new DutyWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(20, 0));
        // 02:30 UTC is 08:30 in Bishkek (UTC+6) and 07:00 in Kabul (UTC+4:30)
        ZonedDateTime utc = ZonedDateTime.parse("2026-03-02T02:30:00Z");
        assertTrue(day.covers(utc.withZoneSameInstant(BISHKEK)));
        assertFalse(day.covers(utc.withZoneSameInstant(ZoneId.of("Asia/Kabul"))));
    }
}
