package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record that exists is a valid event: the compact constructors reject what the contract forbids. */
class RecordInvariantsTest {

    private static final UUID CASE = UUID.fromString("3f2b8c1e-7a4d-4e9b-9c2a-5d6e7f8a9b0c");
    private static final UUID REFERRAL = UUID.fromString("c0ffee00-1234-4abc-8def-0123456789ab");
    private static final Actor OFFICER = new Actor("6b1f0c2e-4d3a-4b5c-9e8f-7a6b5c4d3e2f", "police-officer",
            "kg-police-bishkek-pervomaisky");
    private static final Actor NURSE = new Actor("f1e2d3c4-b5a6-4978-8877-665544332211", "health-worker",
            "kg-bishkek-city-hospital-4");
    private static final Instant REQUESTED_AT = Instant.parse("2026-03-02T08:40:02.125Z");
    private static final Instant INCIDENT = Instant.parse("2026-03-01T22:30:00Z");

    private static SurvivorView survivor() {
        return new SurvivorView("S-7Q2K9XW4", 27, false, "ky", new SafeContact(ContactMethod.PHONE_CALL, false,
                LocalTime.of(9, 0), LocalTime.of(13, 0), ZoneId.of("Asia/Bishkek")));
    }

    private static HealthView health() {
        return new HealthView(IncidentType.RAPE, INCIDENT, true, true, false, List.of(
                new ClinicalWindow(ClinicalWindowKind.POST_EXPOSURE_PROPHYLAXIS, Instant.parse("2026-03-04T22:30:00Z")),
                new ClinicalWindow(ClinicalWindowKind.EMERGENCY_CONTRACEPTION, Instant.parse("2026-03-06T22:30:00Z")),
                new ClinicalWindow(ClinicalWindowKind.FORENSIC_EXAMINATION, Instant.parse("2026-03-11T22:30:00Z"))),
                // deliberately out of declaration order: sets serialise in a stable order
                Set.of(ServiceType.FORENSIC_EXAMINATION, ServiceType.MEDICAL_CARE, ServiceType.EMERGENCY_CONTRACEPTION,
                        ServiceType.POST_EXPOSURE_PROPHYLAXIS));
    }

    private static ReferralRequested healthReferral(Sector recipient, HealthView health, PoliceView police) {
        return new ReferralRequested(REFERRAL, CASE, recipient, "kg-bishkek-city-hospital-4", Sector.POLICE, OFFICER,
                REQUESTED_AT, "KG-GB", Priority.EMERGENCY,
                new Deadlines(REQUESTED_AT.plusSeconds(300), REQUESTED_AT.plusSeconds(1800)),
                List.of("sexual-violence-within-120h"), null,
                Set.of(DataCategory.HEALTH, DataCategory.CONTACT, DataCategory.INCIDENT), survivor(), health, police,
                null);
    }

    @Test
    void aReferralBuiltInJavaSerialisesToTheGoldenFile() {
        JsonNode golden = Contract.golden(EventTypes.REFERRAL_REQUESTED + ".json");
        ReferralRequested referral = healthReferral(Sector.HEALTH, health(), null);
        Contract.assertSameJson(golden, Contract.json().valueToTree(referral), "built in Java");
        assertEquals(Topics.HEALTH_INBOX, referral.topic());
        assertEquals(EventTypes.REFERRAL_REQUESTED, referral.eventType());
    }

    @Test
    void aReferralCarriesExactlyItsRecipientsView() {
        PoliceView police = new PoliceView(IncidentType.RAPE, INCIDENT, null, RiskLevel.HIGH, null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> healthReferral(Sector.HEALTH, null, null));
        assertThrows(IllegalArgumentException.class, () -> healthReferral(Sector.HEALTH, health(), police));
        assertThrows(IllegalArgumentException.class, () -> healthReferral(Sector.POLICE, health(), null));
        assertEquals(police, healthReferral(Sector.POLICE, null, police).police());
    }

    @Test
    void lifecycleTransitionsMustBeLegalAndCarryTheirReason() {
        assertEquals(726590L, lifecycle(ReferralState.RECEIVED, ReferralState.ACCEPTED, 726590L, null, null, null)
                .latencyMillis());
        lifecycle(null, ReferralState.REQUESTED, null, null, null, null);
        lifecycle(ReferralState.RECEIVED, ReferralState.DECLINED, 5L, DeclineReason.NO_CAPACITY, null, null);
        lifecycle(ReferralState.ACCEPTED, ReferralState.CANCELLED, 5L, null, CancellationReason.CONSENT_WITHDRAWN, null);
        lifecycle(ReferralState.IN_PROGRESS, ReferralState.COMPLETED, 5L, null, null, CompletionOutcome.SERVICES_PROVIDED);

        assertThrows(IllegalArgumentException.class,
                () -> lifecycle(ReferralState.ACCEPTED, ReferralState.RECEIVED, 5L, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> lifecycle(ReferralState.COMPLETED, ReferralState.CANCELLED, 5L, null, CancellationReason.DUPLICATE_CASE, null));
        assertThrows(IllegalArgumentException.class,
                () -> lifecycle(ReferralState.REQUESTED, ReferralState.REQUESTED, 5L, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> lifecycle(null, ReferralState.REQUESTED, 5L, null, null, null));
        assertThrows(NullPointerException.class,
                () -> lifecycle(null, ReferralState.ACCEPTED, 5L, null, null, null));
        assertThrows(NullPointerException.class,
                () -> lifecycle(ReferralState.RECEIVED, ReferralState.ACCEPTED, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> lifecycle(ReferralState.RECEIVED, ReferralState.ACCEPTED, -1L, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> lifecycle(ReferralState.RECEIVED, ReferralState.DECLINED, 5L, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> lifecycle(ReferralState.RECEIVED, ReferralState.ACCEPTED, 5L, DeclineReason.NO_CAPACITY, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> lifecycle(ReferralState.IN_PROGRESS, ReferralState.COMPLETED, 5L, null, null, null));
    }

    private static ReferralLifecycleChanged lifecycle(ReferralState from, ReferralState to, Long latency,
                                                      DeclineReason decline, CancellationReason cancel,
                                                      CompletionOutcome outcome) {
        return new ReferralLifecycleChanged(REFERRAL, CASE, Sector.HEALTH, "kg-bishkek-city-hospital-4", Sector.POLICE,
                "kg-police-bishkek-pervomaisky", Priority.EMERGENCY, from, to, NURSE, REQUESTED_AT, latency, decline,
                cancel, outcome);
    }

    @Test
    void statusEventsNameTheirTargetState() {
        Instant now = Instant.parse("2026-03-02T08:52:10Z");
        List<ReferralStatusEvent> events = List.of(
                new ReferralReceived(REFERRAL, CASE, Sector.HEALTH, Actor.system("health-service", NURSE.agency()), now),
                new ReferralAccepted(REFERRAL, CASE, Sector.HEALTH, NURSE, now),
                new ReferralDeclined(REFERRAL, CASE, Sector.HEALTH, NURSE, now, DeclineReason.WRONG_AGENCY, null),
                new ReferralStarted(REFERRAL, CASE, Sector.HEALTH, NURSE, now),
                new ReferralCompleted(REFERRAL, CASE, Sector.HEALTH, NURSE, now, CompletionOutcome.REFERRED_ONWARD, null));
        List<ReferralState> states = new ArrayList<>();
        events.forEach(e -> states.add(e.targetState()));
        assertEquals(List.of(ReferralState.RECEIVED, ReferralState.ACCEPTED, ReferralState.DECLINED,
                ReferralState.IN_PROGRESS, ReferralState.COMPLETED), states);
        assertEquals("system:health-service", events.get(0).actor().userId());
        assertThrows(NullPointerException.class,
                () -> new ReferralDeclined(REFERRAL, CASE, Sector.HEALTH, NURSE, now, null, null));
        assertThrows(NullPointerException.class,
                () -> new ReferralCompleted(REFERRAL, CASE, Sector.HEALTH, NURSE, now, null, Set.of()));
    }

    @Test
    void survivorFactsMustAgree() {
        SafeContact contact = SafeContact.of(ContactMethod.SMS);
        assertThrows(IllegalArgumentException.class, () -> new SurvivorView("S-1", 15, false, null, contact));
        assertThrows(IllegalArgumentException.class, () -> new SurvivorView("S-1", 30, true, null, contact));
        assertThrows(IllegalArgumentException.class, () -> new SurvivorView("S-1", -1, true, null, contact));
        assertThrows(IllegalArgumentException.class, () -> new SurvivorView("Aigerim Bekova", null, false, null, contact),
                "a name is not a pseudonymous reference");
        assertThrows(IllegalArgumentException.class, () -> new SurvivorView("S-1", null, false, "Kyrgyz", contact));
        assertThrows(NullPointerException.class, () -> new SurvivorView("S-1", null, false, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new SafeContact(ContactMethod.PHONE_CALL, true, LocalTime.NOON, null, null));
        assertTrue(new SurvivorView("S-1", null, true, null, contact).minor());
    }

    @Test
    void riskAssessmentCountsYesAnswers() throws Exception {
        CaseReported reported = Contract.json().treeToValue(Contract.golden(EventTypes.CASE_REPORTED + ".json"),
                CaseReported.class);
        assertEquals(15, reported.risk().yesCount());
        assertTrue(reported.risk().yes(RiskItem.STRANGULATION));
        assertTrue(!reported.risk().yes(RiskItem.WEAPON_USED));

        Map<RiskItem, Boolean> answers = new EnumMap<>(RiskItem.class);
        answers.put(RiskItem.THREATS_TO_KILL, true);
        RiskAssessment risk = new RiskAssessment(answers, null, OFFICER, REQUESTED_AT);
        answers.put(RiskItem.WEAPON_USED, true);
        assertEquals(1, risk.yesCount(), "answers are copied, not shared");
        assertThrows(UnsupportedOperationException.class, () -> risk.answers().put(RiskItem.WEAPON_USED, true));
    }

    @Test
    void consentLookupTakesTheLatestDecision() throws Exception {
        CaseReported reported = Contract.json().treeToValue(Contract.golden(EventTypes.CASE_REPORTED + ".json"),
                CaseReported.class);
        assertTrue(reported.consentFor(Sector.HEALTH).orElseThrow().granted());
        assertTrue(reported.consentFor(Sector.POLICE).isEmpty());

        Consent given = new Consent(Sector.POLICE, Set.of(DataCategory.INCIDENT), true, OFFICER, REQUESTED_AT);
        Consent refused = new Consent(Sector.POLICE, Set.of(DataCategory.INCIDENT), false, OFFICER,
                REQUESTED_AT.plusSeconds(60));
        CaseReported later = new CaseReported(reported.caseId(), reported.reportId(), reported.originSector(),
                reported.reportedBy(), reported.occurredAt(), reported.region(), reported.survivor(),
                reported.incident(), reported.risk(), reported.servicesRequested(), List.of(refused, given),
                reported.legalOverrides());
        assertEquals(false, later.consentFor(Sector.POLICE).orElseThrow().granted());
        assertThrows(IllegalArgumentException.class,
                () -> new Consent(Sector.POLICE, Set.of(), true, OFFICER, REQUESTED_AT));
    }

    @Test
    void otherInvariants() {
        assertThrows(IllegalArgumentException.class,
                () -> new Deadlines(REQUESTED_AT, REQUESTED_AT.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new NotificationEscalated(UUID.randomUUID(), CASE, null,
                2, 2, OFFICER, REQUESTED_AT));
        assertThrows(IllegalArgumentException.class, () -> new ReferralOverdue(REFERRAL, CASE, Sector.HEALTH, null,
                Priority.URGENT, ReferralState.COMPLETED, DeadlineKind.ACCEPTANCE, REQUESTED_AT, 1, REQUESTED_AT));
        assertThrows(IllegalArgumentException.class, () -> new ReferralOverdue(REFERRAL, CASE, Sector.HEALTH, null,
                Priority.URGENT, ReferralState.RECEIVED, DeadlineKind.ACCEPTANCE, REQUESTED_AT, 0, REQUESTED_AT));
        assertThrows(IllegalArgumentException.class, () -> new ConsentWithdrawn(CASE, "S-1", Set.of(),
                Set.of(DataCategory.CONTACT), null, OFFICER, REQUESTED_AT));
        assertThrows(IllegalArgumentException.class, () -> new Actor(" ", "role", "agency"));
        assertThrows(IllegalArgumentException.class, () -> new LegalOverrideRecord(LegalOverride.CHILD_SURVIVOR,
                Set.of(Sector.SOCIAL), "x".repeat(501), OFFICER, REQUESTED_AT));
        assertThrows(NullPointerException.class, () -> new ReferralAccepted(REFERRAL, null, Sector.HEALTH, NURSE,
                REQUESTED_AT));
        assertThrows(IllegalArgumentException.class, () -> new CaseReported(CASE, UUID.randomUUID(), Sector.POLICE,
                OFFICER, REQUESTED_AT, "Bishkek", null, null, null, null, null, null), "region must be a code");
        List<String> rules = new ArrayList<>();
        rules.add(null);
        assertThrows(NullPointerException.class, () -> new ReferralRequested(REFERRAL, CASE, Sector.HEALTH, null,
                Sector.POLICE, OFFICER, REQUESTED_AT, "KG-GB", Priority.URGENT,
                new Deadlines(REQUESTED_AT, REQUESTED_AT), rules, null, null, survivor(), health(), null, null));
    }

    @Test
    void collectionsAreImmutableAndNeverNull() {
        ReferralCompleted completed = new ReferralCompleted(REFERRAL, CASE, Sector.HEALTH, NURSE, REQUESTED_AT,
                CompletionOutcome.SERVICES_PROVIDED, null);
        assertEquals(Set.of(), completed.servicesProvided());
        assertThrows(UnsupportedOperationException.class, () -> completed.servicesProvided().add(ServiceType.SHELTER));
        assertThrows(UnsupportedOperationException.class, () -> health().clinicalWindows().clear());
    }
}
