package org.handoff.notification.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Replaces the library's system clock (a default bean) in every test of this service. */
@ApplicationScoped
public class TestClockProducer {

    public static final ShiftableClock CLOCK = new ShiftableClock();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
