package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a recipient sector learns about the survivor: a pseudonymous reference, age and how to make
 * contact safely. Emitted inside {@link ReferralRequested} by referral-service; consumed by the recipient.
 *
 * @param ref               pseudonymous survivor reference
 * @param ageYears          age in years, if known
 * @param minor             under 18 (if {@code ageYears} is given it must agree)
 * @param preferredLanguage BCP 47 tag, e.g. {@code ky}, {@code ru}
 * @param safeContact       how to contact the survivor safely
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurvivorView(String ref, Integer ageYears, Boolean minor, String preferredLanguage,
                           SafeContact safeContact) {

    public SurvivorView {
        Checks.matches(Checks.required(ref, "ref"), Checks.SURVIVOR_REF, "ref");
        Checks.required(minor, "minor");
        checkAge(ageYears, minor);
        Checks.matches(preferredLanguage, Checks.LANGUAGE, "preferredLanguage");
        Checks.required(safeContact, "safeContact");
    }

    static void checkAge(Integer ageYears, Boolean minor) {
        if (ageYears != null) {
            Checks.check(ageYears >= 0 && ageYears <= 130, "ageYears out of range: " + ageYears);
            Checks.check(minor == (ageYears < 18), "minor must agree with ageYears");
        }
    }
}
