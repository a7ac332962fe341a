package org.handoff.console.web;

import org.handoff.console.api.NotificationApi.Notification;

import java.util.List;

/**
 * The duty officer's newest notifications and how many of all of them wait for acknowledgement (not only
 * of those shown), or why they could not be read.
 */
public record Feed(List<Notification> items, long waiting, String error) {
}
