package org.handoff.referral.service;

import org.handoff.events.Actor;
import org.handoff.events.Consent;
import org.handoff.events.DataCategory;
import org.handoff.events.IncidentType;
import org.handoff.events.LegalOverride;
import org.handoff.events.LegalOverrideRecord;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.handoff.events.IncidentType.PHYSICAL_ASSAULT;
import static org.handoff.events.IncidentType.PSYCHOLOGICAL_ABUSE;
import static org.handoff.events.IncidentType.RAPE;
import static org.handoff.events.IncidentType.SEXUAL_ASSAULT;
import static org.handoff.events.RiskLevel.HIGH;
import static org.handoff.events.RiskLevel.MEDIUM;
import static org.handoff.events.RiskLevel.STANDARD;
import static org.handoff.events.Sector.HEALTH;
import static org.handoff.events.Sector.POLICE;
import static org.handoff.events.Sector.SOCIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default rule file, case by case: sector, priority and whether consent or an override lets it go. */
class SopRouterTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Actor OFFICER = new Actor("officer.police", "police-officer", "almaty-police-dept-1");
    private final SopRouter router = new SopRouter(TestRules.KZ);

    record Scenario(String name, IncidentType type, Duration sinceIncident, RiskLevel risk, boolean minor,
                    boolean injury, Set<ServiceType> requested, Sector origin, List<Consent> consents,
                    List<LegalOverrideRecord> overrides, Set<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario("rape 10 h ago, high risk, reported to police",
                        RAPE, 10, HIGH, false, true, Set.of(), POLICE, consent(HEALTH, SOCIAL), List.of(),
                        "HEALTH EMERGENCY SENT_WITH_CONSENT", "SOCIAL URGENT SENT_WITH_CONSENT"),
                scenario("sexual assault 200 h ago is no longer an emergency",
                        SEXUAL_ASSAULT, 200, STANDARD, false, false, Set.of(), POLICE, consent(HEALTH), List.of(),
                        "HEALTH URGENT SENT_WITH_CONSENT"),
                scenario("physical injury reported to social services",
                        PHYSICAL_ASSAULT, 5, STANDARD, false, true, Set.of(), SOCIAL, consent(HEALTH), List.of(),
                        "HEALTH URGENT SENT_WITH_CONSENT"),
                scenario("high risk reported to health, police not consented",
                        PHYSICAL_ASSAULT, 5, HIGH, false, false, Set.of(), HEALTH, consent(SOCIAL), List.of(),
                        "POLICE URGENT WITHHELD_NO_CONSENT", "SOCIAL URGENT SENT_WITH_CONSENT"),
                scenario("high risk with a recorded danger-to-life override for police",
                        PHYSICAL_ASSAULT, 5, HIGH, false, false, Set.of(), HEALTH, consent(SOCIAL),
                        List.of(override(LegalOverride.IMMINENT_DANGER_TO_LIFE, POLICE)),
                        "POLICE URGENT SENT_UNDER_LEGAL_OVERRIDE", "SOCIAL URGENT SENT_WITH_CONSENT"),
                scenario("a child survivor always reaches child protection",
                        PHYSICAL_ASSAULT, 30, STANDARD, true, false, Set.of(), POLICE, List.of(), List.of(),
                        "SOCIAL URGENT SENT_UNDER_LEGAL_OVERRIDE"),
                scenario("psychosocial support asked for and consented",
                        PSYCHOLOGICAL_ABUSE, 100, MEDIUM, false, false, Set.of(ServiceType.PSYCHOSOCIAL_SUPPORT), HEALTH,
                        consent(SOCIAL), List.of(),
                        "SOCIAL ROUTINE SENT_WITH_CONSENT"),
                scenario("psychological abuse, standard risk, nothing asked: no referral",
                        PSYCHOLOGICAL_ABUSE, 100, STANDARD, false, false, Set.of(), POLICE, consent(HEALTH, SOCIAL), List.of()),
                scenario("consent refused for health",
                        RAPE, 10, STANDARD, false, false, Set.of(), POLICE, List.of(refusal(HEALTH, NOW.minusSeconds(60))), List.of(),
                        "HEALTH EMERGENCY WITHHELD_NO_CONSENT"),
                scenario("the latest consent decision wins",
                        RAPE, 10, STANDARD, false, false, Set.of(), POLICE,
                        List.of(grant(HEALTH, NOW.minusSeconds(600)), refusal(HEALTH, NOW.minusSeconds(60))), List.of(),
                        "HEALTH EMERGENCY WITHHELD_NO_CONSENT"),
                scenario("asking the police for a protection order routes to police",
                        PHYSICAL_ASSAULT, 5, MEDIUM, false, false, Set.of(ServiceType.PROTECTION_ORDER), SOCIAL,
                        consent(POLICE), List.of(),
                        "POLICE ROUTINE SENT_WITH_CONSENT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void routesAsTheSopSays(Scenario s) {
        CaseFacts facts = new CaseFacts(s.type(), NOW.minus(s.sinceIncident()), s.risk(), s.minor(), s.injury(), s.requested());
        List<PlannedReferral> plan = router.route(facts, NOW, s.origin(), s.consents(), s.overrides());
        Set<String> actual = plan.stream().map(p -> p.sector() + " " + p.priority() + " " + p.decision())
                .collect(Collectors.toSet());
        assertEquals(s.expected(), actual);
        assertTrue(plan.stream().noneMatch(p -> p.sector() == s.origin()), "the originating sector gets no referral");
        plan.stream().filter(p -> p.override() != null)
                .forEach(p -> assertTrue(p.overrideReason() != null && !p.overrideReason().isBlank(), "an override carries its reason"));
        plan.stream().filter(p -> !p.send()).forEach(p -> assertTrue(p.sharedCategories().isEmpty(), "nothing shared when withheld"));
    }

    @org.junit.jupiter.api.Test
    void acuteSexualViolenceAsksHealthForTheTimeCriticalServices() {
        CaseFacts facts = new CaseFacts(RAPE, NOW.minusSeconds(3600), STANDARD, false, false, Set.of());
        PlannedReferral health = router.route(facts, NOW, POLICE, consent(HEALTH), List.of()).get(0);
        assertTrue(health.services().containsAll(Set.of(ServiceType.POST_EXPOSURE_PROPHYLAXIS,
                ServiceType.EMERGENCY_CONTRACEPTION, ServiceType.FORENSIC_EXAMINATION)));
        assertEquals(Set.of(DataCategory.CONTACT, DataCategory.INCIDENT, DataCategory.HEALTH), health.sharedCategories());
    }

    private static Arguments scenario(String name, IncidentType type, long hoursSince, RiskLevel risk, boolean minor,
                                      boolean injury, Set<ServiceType> requested, Sector origin, List<Consent> consents,
                                      List<LegalOverrideRecord> overrides, String... expected) {
        return Arguments.of(new Scenario(name, type, Duration.ofHours(hoursSince), risk, minor, injury, requested, origin,
                consents, overrides, Set.of(expected)));
    }

    static List<Consent> consent(Sector... sectors) {
        return Stream.of(sectors).map(s -> grant(s, NOW.minusSeconds(300))).toList();
    }

    private static Consent grant(Sector sector, Instant at) {
        return new Consent(sector, Set.of(DataCategory.CONTACT, DataCategory.INCIDENT, DataCategory.HEALTH), true, OFFICER, at);
    }

    private static Consent refusal(Sector sector, Instant at) {
        return new Consent(sector, Set.of(DataCategory.CONTACT, DataCategory.INCIDENT), false, OFFICER, at);
    }

    private static LegalOverrideRecord override(LegalOverride basis, Sector sector) {
        return new LegalOverrideRecord(basis, Set.of(sector), "Threats to kill with a weapon, survivor in hiding", OFFICER, NOW);
    }
}
