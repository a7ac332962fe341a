package org.handoff.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The survivor as the reporting sector describes them to the case registry, pseudonymously.
 * Emitted inside {@link CaseReported} by the reporting sector; consumed by referral-service.
 *
 * @param ref               pseudonymous survivor reference issued by the reporting agency
 * @param matchKeys         keyed hashes of identifiers for de-duplication (may be empty)
 * @param ageYears          age in years, if known
 * @param minor             under 18 (if {@code ageYears} is given it must agree)
 * @param dependentChildren number of dependent children, if known (shelter places)
 * @param preferredLanguage BCP 47 tag, e.g. {@code ky}, {@code ru}
 * @param safeContact       how to contact the survivor safely
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Survivor(String ref, List<MatchKey> matchKeys, Integer ageYears, Boolean minor,
                       Integer dependentChildren, String preferredLanguage, SafeContact safeContact) {

    public Survivor {
        Checks.matches(Checks.required(ref, "ref"), Checks.SURVIVOR_REF, "ref");
        matchKeys = Checks.list(matchKeys, "matchKeys");
        Checks.required(minor, "minor");
        SurvivorView.checkAge(ageYears, minor);
        Checks.atLeast(dependentChildren, 0, "dependentChildren");
        Checks.matches(preferredLanguage, Checks.LANGUAGE, "preferredLanguage");
        Checks.required(safeContact, "safeContact");
    }
}
