package org.handoff.referral;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.Actor;
import org.handoff.events.CaseReported;
import org.handoff.events.Consent;
import org.handoff.events.ContactMethod;
import org.handoff.events.DataCategory;
import org.handoff.events.EventJson;
import org.handoff.events.EventTypes;
import org.handoff.events.HandoffEvent;
import org.handoff.events.IdentifierKind;
import org.handoff.events.Incident;
import org.handoff.events.IncidentType;
import org.handoff.events.LegalOverrideRecord;
import org.handoff.events.MatchKey;
import org.handoff.events.RiskLevel;
import org.handoff.events.SafeContact;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.events.Survivor;
import org.handoff.events.Topics;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.OnVertx;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.cloudEvent;
import static org.handoff.plumbing.testing.KafkaTestSupport.send;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.handoff.plumbing.testing.TestTokens.token;

/** Reports and status events as the sector services send them, and tokens of the demo agencies. */
public final class TestCases {

    public static final String POLICE_AGENCY = "almaty-police-dept-1";
    public static final String HEALTH_AGENCY = "almaty-city-hospital-4";
    public static final String SOCIAL_AGENCY = "almaty-crisis-centre";
    public static final Actor OFFICER = new Actor("officer.police", Roles.POLICE_OFFICER, POLICE_AGENCY);
    public static final Actor HEALTH_SYSTEM = Actor.system("health-service", HEALTH_AGENCY);
    public static final Actor HEALTH_WORKER = new Actor("worker.health", Roles.HEALTH_WORKER, HEALTH_AGENCY);
    public static final Actor SOCIAL_WORKER = new Actor("worker.social", Roles.SOCIAL_WORKER, SOCIAL_AGENCY);
    static final byte[] MATCH_SECRET = "test-only-match-key-secret-32byt".getBytes(StandardCharsets.UTF_8);

    private TestCases() {
    }

    /** A HIGH-risk rape reported to police six hours after it happened; consent for health and social. */
    public static CaseReported highRiskRape(Instant now) {
        return report(now, IncidentType.RAPE, Duration.ofHours(6), 16, false,
                Set.of(ServiceType.MEDICAL_CARE, ServiceType.SHELTER),
                List.of(consent(Sector.HEALTH, now, DataCategory.CONTACT, DataCategory.INCIDENT, DataCategory.HEALTH),
                        consent(Sector.SOCIAL, now, DataCategory.CONTACT, DataCategory.INCIDENT, DataCategory.RISK_ASSESSMENT)),
                List.of(), "+7 701 555 0101");
    }

    public static CaseReported report(Instant now, IncidentType type, Duration sinceIncident, int riskYes, boolean minor,
                                      Set<ServiceType> services, List<Consent> consents,
                                      List<LegalOverrideRecord> overrides, String phone) {
        Survivor survivor = new Survivor("S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                List.of(MatchKey.compute(MATCH_SECRET, IdentifierKind.PHONE, phone)), minor ? 15 : 29, minor, 1, "ru",
                new SafeContact(ContactMethod.PHONE_CALL, false, LocalTime.of(9, 0), LocalTime.of(12, 0), ZoneId.of("Asia/Almaty")));
        Incident incident = new Incident(type, now.minus(sinceIncident), false, true, 1);
        var risk = org.handoff.referral.service.RiskScorerTestAccess.assessment(riskYes, null);   // the checklist alone decides
        return new CaseReported(UUID.randomUUID(), UUID.randomUUID(), Sector.POLICE, OFFICER, now, "KZ-ALA", survivor,
                incident, risk, services, consents, overrides);
    }

    public static Consent consent(Sector sector, Instant now, DataCategory... categories) {
        return new Consent(sector, Set.of(categories), true, OFFICER, now.minusSeconds(60));
    }

    public static void publish(HandoffEvent event, UUID caseId, String topic) {
        send(cloudEvent(topic(topic), caseId.toString(), UUID.randomUUID().toString(), EventTypes.typeOf(event),
                EventJson.toJson(event)));
    }

    public static void reportCase(CaseReported report) {
        publish(report, report.caseId(), Topics.CASE_REPORTED);
    }

    public static List<Referral> awaitReferrals(UUID caseId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> referrals(caseId).size() == count);
        return referrals(caseId);
    }

    public static List<Referral> referrals(UUID caseId) {
        return OnVertx.await(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                () -> Referral.<Referral>list("caseId", caseId)));
    }

    public static Referral referralTo(UUID caseId, Sector sector) {
        return referrals(caseId).stream().filter(r -> r.recipientSector == sector).findFirst().orElseThrow();
    }

    public static boolean isCase(ConsumerRecord<String, String> record, UUID caseId) {
        return caseId.toString().equals(record.key());
    }

    public static String caseManager() {
        return token("manager.case", "almaty-coordination", "coordination", Roles.CASE_MANAGER);
    }

    public static String policeOfficer(String agency) {
        return token("officer.police", agency, "police", Roles.POLICE_OFFICER);
    }

    public static String healthWorker() {
        return token("worker.health", HEALTH_AGENCY, "health", Roles.HEALTH_WORKER);
    }

    public static String admin() {
        return token("admin.ops", "handoff-operations", null, Roles.ADMIN);
    }
}
