package org.handoff.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.handoff.events.DeadlineKind;
import org.handoff.events.Priority;
import org.handoff.events.ReferralLifecycleChanged;
import org.handoff.notification.Escalation;
import org.handoff.notification.Notification;
import org.handoff.notification.support.ChannelServers;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.handoff.notification.support.Fixtures.admin;
import static org.handoff.notification.support.Fixtures.awaitNotifications;
import static org.handoff.notification.support.Fixtures.escalation;
import static org.handoff.notification.support.Fixtures.officer;
import static org.handoff.notification.support.Fixtures.overdue;
import static org.handoff.notification.support.Fixtures.person;
import static org.handoff.notification.support.Fixtures.publish;
import static org.handoff.notification.support.Fixtures.requested;
import static org.handoff.notification.support.Fixtures.roster;
import static org.handoff.notification.support.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every read and write of people, rosters, notifications and escalations, over the API and by the
 * consumer, is a row of the hash-chained audit log naming who (user, role, agency), what and which
 * target; an edited row is found by the admin's verification.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ChannelServers.class)
class AuditTrailTest {

    private static final String VERIFY = "/api/v1/admin/audit/verification";
    private static final String ADMIN = "admin.notifications admin handoff-operations";
    /** The service itself has no agency: the column is empty. */
    private static final String SYSTEM = "system:notification-service system  ";

    @Inject
    Pool pool;

    @Test
    void readsAndWritesOverTheApiAndByTheConsumerAreAuditRowsNamingWhoAndWhat() {
        long before = lastSeq();
        String agency = unique("kg-hospital");
        String duty = unique("duty");
        String supervisor = unique("supervisor");
        String dutyToken = officer(duty, agency, Roles.DUTY_OFFICER);
        String supervisorToken = officer(supervisor, agency, Roles.SUPERVISOR);
        String asDuty = duty + " duty-officer " + agency;
        String asSupervisor = supervisor + " supervisor " + agency;

        person(duty, agency, "en", null, null);
        person(supervisor, agency, "ru", null, null);
        given().auth().oauth2(admin()).get("/api/v1/people/{u}", duty).then().statusCode(200);
        roster(agency, "Asia/Bishkek", null, duty, supervisor);
        given().auth().oauth2(dutyToken).get("/api/v1/rosters/{a}", agency).then().statusCode(200);
        given().auth().oauth2(officer("manager.case", "almaty-coordination", Roles.CASE_MANAGER))
                .get("/api/v1/rosters/{a}/on-duty", agency).then().statusCode(200);

        // the consumer: a new referral, then its acceptance deadline missed
        ReferralLifecycleChanged referral = requested(UUID.randomUUID(), UUID.randomUUID(), agency, "officer.police",
                "kg-police-2", Priority.URGENT);
        publish(referral);
        Notification newReferral = awaitNotifications(referral.referralId(), list -> list.size() == 1).get(0);
        publish(referral.referringSector(), overdue(referral, DeadlineKind.ACCEPTANCE, 1));
        Notification overdue = awaitNotifications(referral.referralId(), list -> list.size() == 2).get(1);
        Escalation escalation = escalation(referral.referralId(), DeadlineKind.ACCEPTANCE);

        given().auth().oauth2(dutyToken).get("/api/v1/notifications/{id}", overdue.id).then().statusCode(200);
        given().auth().oauth2(supervisorToken).get("/api/v1/notifications").then().statusCode(200);
        given().get("/api/v1/acknowledgements/{t}", newReferral.ackToken).then().statusCode(200);
        given().post("/api/v1/acknowledgements/{t}", newReferral.ackToken).then().statusCode(200);
        given().auth().oauth2(dutyToken).post("/api/v1/notifications/{id}/acknowledge", overdue.id).then().statusCode(200);
        given().auth().oauth2(supervisorToken).get("/api/v1/escalations").then().statusCode(200);

        Set<String> targets = Set.of(duty, supervisor, agency, newReferral.id.toString(), overdue.id.toString(),
                escalation.id.toString(), "agency " + agency + " page 0");
        assertEquals(List.of(
                "person.create " + ADMIN + " person " + duty,
                "person.create " + ADMIN + " person " + supervisor,
                "person.read " + ADMIN + " person " + duty,
                "roster.create " + ADMIN + " roster " + agency,
                "roster.read " + asDuty + " roster " + agency,
                "roster.on-duty.read manager.case case-manager almaty-coordination roster " + agency,
                "notification.create " + SYSTEM + "notification " + newReferral.id,
                "escalation.open " + SYSTEM + "escalation " + escalation.id,
                "notification.create " + SYSTEM + "notification " + overdue.id,
                "notification.read " + asDuty + " notification " + overdue.id,
                "notification.list " + asSupervisor + " notifications agency " + agency + " page 0",
                // the link stands for its recipient
                "notification.read.link " + asDuty + " notification " + newReferral.id,
                "notification.acknowledge.link " + asDuty + " notification " + newReferral.id,
                "notification.acknowledge " + asDuty + " notification " + overdue.id,
                "escalation.acknowledge " + asDuty + " escalation " + escalation.id,
                "escalation.list " + asSupervisor + " escalations agency " + agency + " page 0"),
                trail(before, targets));
        given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void editingOneAuditRowIsReportedAsTheFirstBrokenLink() {
        given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200).body("intact", equalTo(true));
        String user = unique("person");
        person(user, "kg-police-3", "en", null, null);
        given().auth().oauth2(admin()).get("/api/v1/people/{u}", user).then().statusCode(200);
        given().auth().oauth2(admin()).get("/api/v1/people?agency=kg-police-3").then().statusCode(200);
        long read = pool.preparedQuery("SELECT seq FROM audit_entry WHERE target_id = $1 AND action = 'person.read'")
                .execute(Tuple.of(user)).await().indefinitely().iterator().next().getLong("seq");

        // someone with the table owner's rights hides who read the person's contact details
        setActor(read, "someone-else");
        try {
            given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) read))
                    .body("problem", containsString("edited"));
        } finally {
            setActor(read, "admin.notifications");
        }
        given().auth().oauth2(admin()).get(VERIFY).then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBrokenSeq", nullValue());
    }

    private long lastSeq() {
        Row row = pool.query("SELECT coalesce(max(seq), 0) AS seq FROM audit_entry").execute().await().indefinitely()
                .iterator().next();
        return row.getLong("seq");
    }

    /** The rows after {@code afterSeq} about these targets, as "action user role agency targetType targetId". */
    private List<String> trail(long afterSeq, Set<String> targets) {
        List<String> trail = new ArrayList<>();
        pool.preparedQuery("SELECT action, actor_user, actor_role, actor_agency, target_type, target_id FROM audit_entry"
                        + " WHERE seq > $1 ORDER BY seq").execute(Tuple.of(afterSeq)).await().indefinitely()
                .forEach(r -> {
                    if (targets.contains(r.getString("target_id"))) {
                        trail.add(String.join(" ", r.getString("action"), r.getString("actor_user"),
                                r.getString("actor_role"), r.getString("actor_agency"), r.getString("target_type"),
                                r.getString("target_id")));
                    }
                });
        return trail;
    }

    /** The append-only trigger refuses UPDATE; the owner can switch it off, which is what tampering looks like. */
    private void setActor(long seq, String actor) {
        pool.withTransaction(conn -> conn.query("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").execute()
                        .chain(() -> conn.preparedQuery("UPDATE audit_entry SET actor_user = $1 WHERE seq = $2")
                                .execute(Tuple.of(actor, seq)))
                        .chain(() -> conn.query("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").execute()))
                .await().indefinitely();
    }
}
