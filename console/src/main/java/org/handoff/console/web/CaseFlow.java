package org.handoff.console.web;

import org.handoff.console.api.NotificationApi.Notification;
import org.handoff.console.api.ReferralApi.TimelineEntry;

import java.util.List;
import java.util.UUID;

/**
 * One case as the signed-in user may see it: referral-service's timeline, notification-service's
 * notifications and, for administrators, the case's events across the five services hop by hop and every
 * service's dead letters of it ({@code null} for anyone else). Each part can fail or be refused on its own;
 * the page shows what it got, and which service did not answer.
 */
public record CaseFlow(UUID caseId, Part<List<TimelineEntry>> timeline, Part<List<Notification>> notifications,
                       Part<List<EventFlow.Event>> events, Part<List<DeadLetterListing.Row>> deadLetters,
                       List<DeadLetterListing.ServiceTotal> serviceErrors) {

    /** A part of the page: its items, or refused (403), or failed with an error. */
    public record Part<T>(T items, boolean forbidden, String error) {
        public static <T> Part<T> of(T items) {
            return new Part<>(items, false, null);
        }

        /** What a failed call leaves of the part: refused, or the status or error it failed with. */
        public static <T> Part<T> failed(Throwable failure) {
            boolean forbidden = Failures.forbidden(failure);
            return new Part<>(null, forbidden, forbidden ? null : Failures.describe(failure));
        }
    }
}
