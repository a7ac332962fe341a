package org.handoff.notification.channel;

import org.handoff.events.NotificationChannel;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What handling an event left for the channels to send: the channels that got at least one pending
 * delivery. The consumer hands it to {@link DeliveryDispatcher#wakeIfAny} after the commit, so an event
 * that notified nobody wakes no worker and one that did wakes only the channels with work. Results of
 * several events (a batch) merge with {@link #plus}.
 */
public record NewDeliveries(Set<NotificationChannel> channels) {

    public static final NewDeliveries NONE = new NewDeliveries(Set.of());

    public NewDeliveries {
        channels = Set.copyOf(channels);
    }

    public static NewDeliveries on(Collection<NotificationChannel> channels) {
        return channels.isEmpty() ? NONE : new NewDeliveries(Set.copyOf(channels));
    }

    public boolean isEmpty() {
        return channels.isEmpty();
    }

    public NewDeliveries plus(NewDeliveries other) {
        if (other == null || other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        EnumSet<NotificationChannel> both = EnumSet.copyOf(channels);
        both.addAll(other.channels);
        return new NewDeliveries(both);
    }
}
