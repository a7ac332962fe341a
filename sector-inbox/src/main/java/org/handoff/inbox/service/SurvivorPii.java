package org.handoff.inbox.service;

import org.handoff.inbox.pii.Masking;

import java.time.LocalDate;

/** The survivor's identifying data: sealed at rest, shown masked unless the caller's role needs it. */
public record SurvivorPii(String fullName, String nationalId, String phone, String address, LocalDate dateOfBirth,
                          String incidentPlace) {

    public SurvivorPii masked() {
        return new SurvivorPii(Masking.name(fullName), Masking.tail(nationalId, 4), Masking.tail(phone, 3),
                Masking.hidden(address), null,
                Masking.hidden(incidentPlace));
    }
}
