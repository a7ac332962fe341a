package org.handoff.inbox.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.handoff.events.Actor;
import org.handoff.events.CancellationReason;
import org.handoff.events.ConsentWithdrawn;
import org.handoff.events.DataCategory;
import org.handoff.events.EventJson;
import org.handoff.events.EventTypes;
import org.handoff.events.HealthView;
import org.handoff.events.IncidentType;
import org.handoff.events.Priority;
import org.handoff.events.ReferralCancelled;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.events.ReferralRequested;
import org.handoff.events.ReferralState;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.SocialView;
import org.handoff.events.Topics;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.inbox.testing.InboxFixtures.awaitInInbox;
import static org.handoff.inbox.testing.InboxFixtures.queryOne;
import static org.handoff.inbox.testing.InboxFixtures.referral;
import static org.handoff.inbox.testing.InboxFixtures.report;
import static org.handoff.inbox.testing.InboxFixtures.sendOn;
import static org.handoff.inbox.testing.InboxFixtures.sendToInbox;
import static org.handoff.inbox.testing.InboxFixtures.statusEvent;
import static org.handoff.plumbing.testing.KafkaTestSupport.cloudEvent;
import static org.handoff.plumbing.testing.KafkaTestSupport.header;
import static org.handoff.plumbing.testing.KafkaTestSupport.readUntil;
import static org.handoff.plumbing.testing.KafkaTestSupport.send;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.handoff.plumbing.testing.TestTokens.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every sector service (police, health, social) must do the same way: intake, the referral
 * inbox and the closed loop. Each service runs it against its own database and the real broker by
 * extending it in a {@code @QuarkusTest}.
 */
public abstract class SectorServiceContractTest {

    protected static final String AGENCY = "test-agency-1";
    protected static final String OTHER_AGENCY = "test-agency-2";

    /** This service's sector. */
    protected abstract Sector sector();

    /** The realm role that works this sector (police-officer, health-worker, social-worker). */
    protected abstract String workerRole();

    /** A worker of another sector, who must be refused here. */
    protected abstract AuthorizationMatrix.Caller foreignWorker();

    protected String foreignToken() {
        return foreignWorker().token();
    }

    /** The sector's minimal view for a referral to it. */
    protected abstract Object sectorView();

    protected String worker() {
        return token("worker-" + sector().id(), AGENCY, sector().id(), workerRole());
    }

    protected String workerOf(String agency) {
        return token("worker-" + agency, agency, sector().id(), workerRole());
    }

    protected static String caseManager() {
        return token("manager.case", "almaty-coordination", "coordination", Roles.CASE_MANAGER);
    }

    protected static String admin() {
        return token("admin.ops", "almaty-coordination", "coordination", Roles.ADMIN);
    }

    // ---- who may do what ----

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheMatrixSays() {
        return sectorEndpoints(SectorMatrix.shared(this)).tests(path -> SectorMatrix.target(this, path));
    }

    /** The sector's own endpoints, added to the shared rows (same callers: see {@link SectorMatrix}). */
    protected AuthorizationMatrix sectorEndpoints(AuthorizationMatrix shared) {
        return shared;
    }

    /** Creates what a sector row's {placeholder} names; the shared ones ({referral}, {report}, {case}) are done already. */
    protected Fixture sectorFixture(String placeholder) {
        throw new IllegalArgumentException("no fixture for {" + placeholder + "}");
    }

    /** A case this service's worker of AGENCY reported, so AGENCY holds it. */
    protected String heldCase() {
        return (String) postReport(report("Matrix Survivor", null, null), null).get("caseId");
    }

    /** A record made for one matrix cell: its id for the path, and the If-Match an action on it needs (or null). */
    public record Fixture(String id, String ifMatch) {
        /** A record whose actions need If-Match: its ETag is the quoted version. */
        public static Fixture atVersion(String id, long version) {
            return new Fixture(id, "\"" + version + "\"");
        }
    }

    protected ReferralRequested arrive(Priority priority, Instant acceptanceDue) {
        ReferralRequested request = referral(sector(), AGENCY, priority, acceptanceDue, false, sectorView());
        sendToInbox(sector(), request);
        awaitInInbox(worker(), request.referralId());
        return request;
    }

    protected ReferralRequested arrive() {
        return arrive(Priority.URGENT, Instant.now().plus(Duration.ofHours(2)));
    }

    protected Response act(String token, UUID referralId, String verb, String ifMatch, Object body) {
        var request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/v1/inbox/referrals/" + referralId + "/" + verb);
    }

    protected String etag(UUID referralId) {
        return given().auth().oauth2(worker()).get("/api/v1/inbox/referrals/" + referralId)
                .then().statusCode(200).extract().header("ETag");
    }

    protected Map<String, Object> postReport(Map<String, Object> body, String key) {
        var request = given().auth().oauth2(worker()).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getMap("$");
    }

    // ---- intake ----

    @Test
    void aRetriedReportWithTheSameIdempotencyKeyCreatesOneCase() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = report("Aigerim Sadykova", "AN" + System.nanoTime(), "+7 701 555 0101");
        Map<String, Object> first = postReport(body, key);
        Response retry = given().auth().oauth2(worker()).contentType(ContentType.JSON).body(body)
                .header("Idempotency-Key", key).post("/api/v1/reports");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").body("caseId", equalTo(first.get("caseId")));

        String caseId = (String) first.get("caseId");
        assertEquals(1L, ((Number) queryOne("SELECT count(*) FROM survivor_report WHERE case_id = CAST(?1 AS uuid)", caseId)).longValue());
        Map<String, Object> marker = postReport(report("Marker Person", null, null), null);
        List<ConsumerRecord<String, String>> reported = readUntil(topic(Topics.CASE_REPORTED),
                r -> marker.get("caseId").equals(r.key()));
        assertEquals(1, reported.stream().filter(r -> caseId.equals(r.key())).count(), "one case reported event");
        ConsumerRecord<String, String> event = reported.stream().filter(r -> caseId.equals(r.key())).findFirst().orElseThrow();
        assertEquals(EventTypes.CASE_REPORTED, header(event, "ce_type"));
        assertFalse(event.value().contains("Sadykova"), "no PII on the wire");
        assertTrue(event.value().contains("\"originSector\":\"" + sector().name() + "\""), event.value());
        assertTrue(event.value().contains("\"matchKeys\":[{\"kind\":\"NATIONAL_ID\""), event.value());
    }

    @Test
    void survivorIdentityIsSealedAtRestAndMaskedUnlessTheRoleNeedsIt() {
        String nationalId = "ID" + System.nanoTime();
        String phone = "+996 555 " + (100000 + (int) (Math.random() * 899999));
        Map<String, Object> created = postReport(report("Zarina Usmonova", nationalId, phone), UUID.randomUUID().toString());
        String id = (String) created.get("id");
        assertEquals(Boolean.TRUE, created.get("identityMasked"), "the POST answer is kept for replays, so it is masked");

        String row = (String) queryOne("SELECT CAST(row_to_json(r) AS text) FROM survivor_report r WHERE id = CAST(?1 AS uuid)", id);
        assertNotNull(row);
        for (String secret : List.of("Zarina", "Usmonova", nationalId, phone, phone.replace(" ", ""), "Abay avenue")) {
            assertFalse(row.contains(secret), "plain " + secret + " in survivor_report");
        }
        String replayBodies = (String) queryOne("SELECT coalesce(string_agg(body, ''), '') FROM idempotency_record WHERE body LIKE ?1",
                "%" + id + "%");
        assertFalse(replayBodies.contains("Usmonova") || replayBodies.contains(nationalId), "plain PII in idempotency_record");
        String outbox = (String) queryOne("SELECT string_agg(payload, '') FROM outbox_message WHERE subject = ?1",
                (String) created.get("caseId"));
        assertFalse(outbox.contains("Usmonova") || outbox.contains(nationalId), "plain PII in the outbox");
        assertTrue(row.contains("\"pii_key_id\":\""), "the key id is stored for rotation");

        given().auth().oauth2(worker()).get("/api/v1/reports/" + id).then().statusCode(200)
                .body("identity.fullName", equalTo("Zarina Usmonova"))
                .body("identity.nationalId", equalTo(nationalId))
                .body("identityMasked", equalTo(false));
        given().auth().oauth2(caseManager()).get("/api/v1/reports/" + id).then().statusCode(200)
                .body("identity.fullName", equalTo("Z***** U*******"))
                .body("identity.nationalId", not(equalTo(nationalId)))
                .body("identityMasked", equalTo(true));
        given().auth().oauth2(workerOf(OTHER_AGENCY)).get("/api/v1/reports/" + id).then().statusCode(404);
        given().auth().oauth2(admin()).get("/api/v1/reports/" + id).then().statusCode(403);

        String trail = (String) queryOne("SELECT string_agg(action || ' ' || actor_role, ', ' ORDER BY seq) FROM audit_entry"
                + " WHERE target_id = ?1", id);
        assertEquals("report.create " + workerRole() + ", report.read.identity " + workerRole()
                + ", report.read case-manager", trail, "every read and write of the report is audited, clear reads apart");
        given().auth().oauth2(admin()).get("/api/v1/admin/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void anInvalidReportGetsFieldViolationsAndWritesNothing() {
        Map<String, Object> body = report("Bad Report", null, "not a phone");
        body.put("region", "almaty");
        @SuppressWarnings("unchecked")
        Map<String, Object> incident = (Map<String, Object>) body.get("incident");
        incident.remove("type");
        String user = "worker-invalid-" + UUID.randomUUID();
        given().auth().oauth2(token(user, AGENCY, sector().id(), workerRole())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("region"))
                .body("violations.field", hasItem("incident.type"))
                .body("violations.field", hasItem("survivor.phone"));
        assertEquals(0L, ((Number) queryOne("SELECT count(*) FROM survivor_report WHERE reported_by = ?1", user)).longValue());
        given().auth().oauth2(foreignToken()).contentType(ContentType.JSON).body(report("X Y", null, null))
                .post("/api/v1/reports").then().statusCode(403);
    }

    // ---- inbox ----

    @Test
    void aReferralOnTheInboxIsStoredAndAcknowledgedAtOnce() {
        ReferralRequested request = arrive();
        awaitInInbox(worker(), request.referralId())
                .body("state", equalTo("RECEIVED"))
                .body("caseId", equalTo(request.caseId().toString()))
                .body("survivor.ref", equalTo(request.survivor().ref()))
                .body("view.incidentType", notNullValue());
        ConsumerRecord<String, String> receipt = statusEvent(request.referralId(), EventTypes.REFERRAL_RECEIVED);
        assertEquals(request.caseId().toString(), receipt.key());
        assertEquals(request.caseId().toString(), header(receipt, "ce_subject"));
        assertTrue(receipt.value().contains("\"sector\":\"" + sector().name() + "\""), receipt.value());
        assertTrue(receipt.value().contains("\"role\":\"system\""), receipt.value());
    }

    @Test
    void otherSectorsAndAdminCannotReadThisInbox() {
        given().get("/api/v1/inbox/referrals").then().statusCode(401);
        given().auth().oauth2(foreignToken()).get("/api/v1/inbox/referrals").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(admin()).get("/api/v1/inbox/referrals").then().statusCode(403);
        given().auth().oauth2(caseManager()).get("/api/v1/inbox/referrals").then().statusCode(200);
    }

    @Test
    void anotherAgencySeesNothingOfThisAgencysReferral() {
        ReferralRequested request = arrive();
        given().auth().oauth2(workerOf(OTHER_AGENCY)).get("/api/v1/inbox/referrals/" + request.referralId())
                .then().statusCode(404);
        given().auth().oauth2(workerOf(OTHER_AGENCY)).queryParam("caseId", request.caseId())
                .get("/api/v1/inbox/referrals").then().statusCode(200).body("total", equalTo(0));
        act(workerOf(OTHER_AGENCY), request.referralId(), "accept", "\"0\"", null).then().statusCode(404);
        given().auth().oauth2(caseManager()).get("/api/v1/inbox/referrals/" + request.referralId()).then().statusCode(200);
        act(caseManager(), request.referralId(), "accept", "\"0\"", null).then().statusCode(403);
    }

    @Test
    void acceptStartCompleteEmitStatusEventsGuardedByIfMatch() {
        UUID id = arrive().referralId();
        act(worker(), id, "accept", null, null).then().statusCode(428);
        String received = etag(id);
        act(worker(), id, "accept", received, null).then().statusCode(200).body("state", equalTo("ACCEPTED"));
        act(worker(), id, "start", received, null).then().statusCode(412).contentType("application/problem+json");
        String accepted = etag(id);
        act(worker(), id, "accept", received, null).then().statusCode(200).body("state", equalTo("ACCEPTED"));
        act(worker(), id, "start", accepted, null).then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        act(worker(), id, "complete", etag(id), Map.of()).then().statusCode(400);
        act(worker(), id, "complete", etag(id), Map.of("outcome", "SERVICES_PROVIDED", "servicesProvided", List.of()))
                .then().statusCode(200).body("state", equalTo("COMPLETED")).body("outcome", equalTo("SERVICES_PROVIDED"));

        ConsumerRecord<String, String> acceptedEvent = statusEvent(id, EventTypes.REFERRAL_ACCEPTED);
        assertTrue(acceptedEvent.value().contains("\"userId\":\"worker-" + sector().id() + "\""), acceptedEvent.value());
        assertTrue(acceptedEvent.value().contains("\"agency\":\"" + AGENCY + "\""), acceptedEvent.value());
        statusEvent(id, EventTypes.REFERRAL_STARTED);
        assertTrue(statusEvent(id, EventTypes.REFERRAL_COMPLETED).value().contains("SERVICES_PROVIDED"));
        assertEquals(1, InboxFixtures.statusEventCount(id, EventTypes.REFERRAL_ACCEPTED, EventTypes.REFERRAL_COMPLETED),
                "the repeated accept emitted nothing");
    }

    @Test
    void declineNeedsAReasonAndEmitsDeclined() {
        UUID id = arrive().referralId();
        act(worker(), id, "decline", etag(id), Map.of()).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        act(worker(), id, "decline", etag(id), Map.of("reason", "NO_CAPACITY")).then().statusCode(200)
                .body("state", equalTo("DECLINED")).body("declineReason", equalTo("NO_CAPACITY"));
        assertTrue(statusEvent(id, EventTypes.REFERRAL_DECLINED).value().contains("NO_CAPACITY"));
        act(worker(), id, "accept", etag(id), null).then().statusCode(409);
    }

    @Test
    void aCancelledReferralIsRestrictedAndRefusesFurtherActions() {
        ReferralRequested request = arrive();
        UUID id = request.referralId();
        sendToInbox(sector(), new ReferralCancelled(id, request.caseId(), sector(), CancellationReason.REFERRER_WITHDREW,
                new Actor("officer.referrer", "police-officer", "almaty-police-dept-1"), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELLED".equals(given().auth().oauth2(worker())
                .get("/api/v1/inbox/referrals/" + id).jsonPath().getString("state")));
        given().auth().oauth2(worker()).get("/api/v1/inbox/referrals/" + id).then()
                .body("restricted", equalTo(true)).body("survivor", nullValue()).body("view", nullValue())
                .body("cancellationReason", equalTo("REFERRER_WITHDREW"));
        act(worker(), id, "accept", etag(id), null).then().statusCode(409).contentType("application/problem+json");
        assertEquals(null, queryOne("SELECT request_json FROM inbox_referral WHERE referral_id = ?1", id));
    }

    @Test
    void consentWithdrawalRestrictsTheDataAndRefusesFurtherActions() {
        ReferralRequested request = arrive();
        UUID id = request.referralId();
        act(worker(), id, "accept", etag(id), null).then().statusCode(200);
        sendToInbox(sector(), new ConsentWithdrawn(request.caseId(), request.survivor().ref(), Set.of(sector()),
                Set.of(DataCategory.INCIDENT, DataCategory.CONTACT), List.of(),
                new Actor("manager.case", "case-manager", "almaty-coordination"), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(worker())
                .get("/api/v1/inbox/referrals/" + id).jsonPath().getBoolean("restricted"));
        given().auth().oauth2(worker()).get("/api/v1/inbox/referrals/" + id).then().body("survivor", nullValue());
        act(worker(), id, "start", etag(id), null).then().statusCode(409);
    }

    @Test
    void theListFiltersByStatePriorityAndOverdueAndPages() {
        ReferralRequested late = arrive(Priority.EMERGENCY, Instant.now().minus(Duration.ofMinutes(10)));
        ReferralRequested onTime = arrive(Priority.EMERGENCY, Instant.now().plus(Duration.ofHours(1)));
        given().auth().oauth2(worker()).queryParam("overdue", true).queryParam("size", 200)
                .get("/api/v1/inbox/referrals").then().statusCode(200)
                .body("items.referralId", hasItem(late.referralId().toString()))
                .body("items.referralId", not(hasItem(onTime.referralId().toString())));
        given().auth().oauth2(worker()).queryParam("caseId", late.caseId())
                .get("/api/v1/inbox/referrals").then().body("items[0].overdue", equalTo(true));
        given().auth().oauth2(worker()).queryParam("priority", "ROUTINE").queryParam("caseId", onTime.caseId())
                .get("/api/v1/inbox/referrals").then().body("total", equalTo(0));
        given().auth().oauth2(worker()).queryParam("state", "RECEIVED").queryParam("priority", "EMERGENCY")
                .queryParam("caseId", onTime.caseId())
                .get("/api/v1/inbox/referrals").then().body("total", equalTo(1));
        given().auth().oauth2(worker()).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/inbox/referrals").then().statusCode(200)
                .body("size", equalTo(1)).body("page", equalTo(1)).body("items.size()", equalTo(1));
        given().auth().oauth2(worker()).queryParam("state", "SOMETHING").get("/api/v1/inbox/referrals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aReferralSentTwiceIsStoredAndAcknowledgedOnce() {
        ReferralRequested request = arrive();
        String resent = UUID.randomUUID().toString();
        send(cloudEvent(
                topic(Topics.inbox(sector())), request.caseId().toString(), resent, EventTypes.REFERRAL_REQUESTED,
                EventJson.toJson(request)));
        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) queryOne(
                "SELECT count(*) FROM processed_event WHERE event_id = ?1", resent)).longValue() == 1);
        UUID id = request.referralId();
        act(worker(), id, "accept", etag(id), null).then().statusCode(200);
        assertEquals(1, InboxFixtures.statusEventCount(id, EventTypes.REFERRAL_RECEIVED, EventTypes.REFERRAL_ACCEPTED),
                "one receipt for one referral");
    }

    @Test
    void aReferralForAnotherSectorIsDeadLetteredAndNotStored() {
        Sector other = sector() == Sector.SOCIAL ? Sector.HEALTH : Sector.SOCIAL;
        Object view = other == Sector.HEALTH
                ? new HealthView(IncidentType.RAPE, Instant.now(), null, false,
                null, List.of(), Set.of())
                : new SocialView(IncidentType.RAPE,
                RiskLevel.HIGH, Set.of(), null, Set.of());
        ReferralRequested stray = referral(other, AGENCY, Priority.URGENT, Instant.now().plus(Duration.ofHours(1)), false, view);
        String eventId = UUID.randomUUID().toString();
        send(cloudEvent(
                topic(Topics.inbox(sector())), stray.caseId().toString(), eventId, EventTypes.REFERRAL_REQUESTED,
                EventJson.toJson(stray)));
        ConsumerRecord<String, String> dead = readUntil(topic(Topics.inbox(sector()) + ".dlq"),
                r -> eventId.equals(header(r, "ce_id"))).stream()
                .filter(r -> eventId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertTrue(header(dead, "dead-letter-reason").contains("on the " + sector().id() + " inbox"),
                header(dead, "dead-letter-reason"));
        given().auth().oauth2(caseManager()).get("/api/v1/inbox/referrals/" + stray.referralId()).then().statusCode(404);
    }

    @Test
    void aReferralWithoutARecipientAgencyIsOpenToTheSectorUntilOneAgencyAcceptsIt() {
        ReferralRequested request = referral(sector(), null, Priority.URGENT, Instant.now().plus(Duration.ofHours(2)),
                false, sectorView());
        sendToInbox(sector(), request);
        UUID id = request.referralId();
        awaitInInbox(workerOf(OTHER_AGENCY), id).body("agency", nullValue());
        act(worker(), id, "accept", etag(id), null).then().statusCode(200).body("agency", equalTo(AGENCY));
        given().auth().oauth2(workerOf(OTHER_AGENCY)).get("/api/v1/inbox/referrals/" + id).then().statusCode(404);
    }

    @Test
    void aConsentWithdrawalRecordedHereIsAnnouncedToReferralService() {
        Map<String, Object> created = postReport(report("Withdrawing Survivor", null, null), null);
        String path = "/api/v1/reports/" + created.get("id") + "/consent-withdrawals";
        Map<String, Object> body = Map.of("sectors", List.of("HEALTH", "SOCIAL"), "dataCategories", List.of("INCIDENT"));
        given().auth().oauth2(workerOf(OTHER_AGENCY)).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(404);
        given().auth().oauth2(worker()).contentType(ContentType.JSON).body(Map.of("sectors", List.of()))
                .post(path).then().statusCode(400);
        given().auth().oauth2(worker()).contentType(ContentType.JSON).body(body).post(path).then().statusCode(202)
                .body("survivorRef", equalTo(created.get("survivorRef")));
        String caseId = (String) created.get("caseId");
        ConsumerRecord<String, String> event = readUntil(topic(Topics.REFERRAL_STATUS),
                r -> caseId.equals(r.key()) && EventTypes.CONSENT_WITHDRAWN.equals(header(r, "ce_type"))).stream()
                .filter(r -> caseId.equals(r.key()) && EventTypes.CONSENT_WITHDRAWN.equals(header(r, "ce_type")))
                .findFirst().orElseThrow();
        assertTrue(event.value().contains("\"sectors\":[\"HEALTH\",\"SOCIAL\"]"), event.value());
    }

    // ---- closed loop ----

    @Test
    void theReferringAgencySeesWhoTookTheReferralsItsReportCaused() {
        Map<String, Object> created = postReport(report("Closed Loop", null, null), null);
        UUID caseId = UUID.fromString((String) created.get("caseId"));
        UUID referralId = UUID.randomUUID();
        Sector recipient = sector() == Sector.HEALTH ? Sector.SOCIAL : Sector.HEALTH;
        Instant t0 = Instant.now().minus(Duration.ofMinutes(20));
        Actor system = new Actor("system:referral-service", "system", "almaty-coordination");
        Actor nurse = new Actor("nurse.one", "health-worker", "almaty-city-hospital-4");
        sendOn(Topics.lifecycle(sector()), lifecycle(referralId, caseId, recipient, null, ReferralState.REQUESTED, system, t0, null));
        sendOn(Topics.lifecycle(sector()), lifecycle(referralId, caseId, recipient, ReferralState.REQUESTED,
                ReferralState.RECEIVED, system, t0.plusSeconds(2), 2000L));
        sendOn(Topics.lifecycle(sector()), lifecycle(referralId, caseId, recipient, ReferralState.RECEIVED,
                ReferralState.ACCEPTED, nurse, t0.plusSeconds(600), 598000L));
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACCEPTED".equals(given().auth().oauth2(worker())
                .queryParam("caseId", caseId).get("/api/v1/outgoing-referrals").jsonPath().getString("items[0].state")));
        given().auth().oauth2(worker()).queryParam("caseId", caseId).get("/api/v1/outgoing-referrals").then()
                .body("items[0].recipientSector", equalTo(recipient.name()))
                .body("items[0].steps.state", equalTo(List.of("REQUESTED", "RECEIVED", "ACCEPTED")))
                .body("items[0].steps[2].actor", equalTo("nurse.one"))
                .body("items[0].steps[2].agency", equalTo("almaty-city-hospital-4"))
                .body("items[0].steps[2].latencyMillis", equalTo(598000));
        given().auth().oauth2(workerOf(OTHER_AGENCY)).queryParam("caseId", caseId).get("/api/v1/outgoing-referrals")
                .then().body("total", equalTo(0));
    }

    private ReferralLifecycleChanged lifecycle(UUID referralId, UUID caseId, Sector recipient, ReferralState from,
                                               ReferralState to, Actor actor, Instant at, Long latency) {
        return new ReferralLifecycleChanged(referralId, caseId, recipient, "almaty-city-hospital-4", sector(), AGENCY,
                Priority.URGENT, from, to, actor, at, latency, null, null, null);
    }
}
