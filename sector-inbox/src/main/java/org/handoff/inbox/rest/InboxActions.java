package org.handoff.inbox.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.handoff.events.CompletionOutcome;
import org.handoff.events.DeclineReason;
import org.handoff.events.ServiceType;

import java.util.Set;

/** Bodies of the inbox actions that need more than the If-Match version. */
public final class InboxActions {

    private InboxActions() {
    }

    public record Decline(@NotNull DeclineReason reason,
                          @Size(max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String redirectAgency) {
    }

    public record Complete(@NotNull CompletionOutcome outcome, Set<@NotNull ServiceType> servicesProvided) {
    }
}
