package org.handoff.events;

/** Channel a notification travels on. */
public enum NotificationChannel {
    EMAIL,
    SMS,
    WEBHOOK,
    WEBSOCKET
}
