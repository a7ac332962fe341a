package org.handoff.events;

import java.util.UUID;

/** An event about one tracked notification, sent by notification-service on {@link Topics#NOTIFICATIONS}. */
public interface NotificationEvent extends HandoffEvent {

    UUID notificationId();

    /** The referral the notification is about, if any. */
    UUID referralId();
}
