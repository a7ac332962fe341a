package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How the survivor may safely be contacted, without contact details (those stay with the
 * referring agency). Emitted inside {@link CaseReported} and {@link ReferralRequested}; consumed by
 * the recipient's officers.
 *
 * @param method          safe contact method
 * @param canLeaveMessage whether a message may be left; absent means no
 * @param safeFrom        start of the safe time window (local time), with {@code safeTo}
 * @param safeTo          end of the safe time window (local time), with {@code safeFrom}
 * @param timeZone        IANA zone of the window, e.g. {@code Asia/Bishkek}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SafeContact(ContactMethod method, Boolean canLeaveMessage, LocalTime safeFrom, LocalTime safeTo,
                          ZoneId timeZone) {

    public SafeContact {
        Checks.required(method, "method");
        Checks.check((safeFrom == null) == (safeTo == null), "safeFrom and safeTo go together");
    }

    /** A contact method with no further constraints. */
    public static SafeContact of(ContactMethod method) {
        return new SafeContact(method, null, null, null, null);
    }
}
