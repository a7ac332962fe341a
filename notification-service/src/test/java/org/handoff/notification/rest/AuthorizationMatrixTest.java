package org.handoff.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.inject.Inject;
import org.handoff.notification.support.ChannelServers;
import org.handoff.notification.support.ConsoleClient;
import org.handoff.notification.support.NotificationFixtures;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.AuthorizationMatrix;
import org.handoff.plumbing.testing.AuthorizationMatrix.Caller;
import org.handoff.plumbing.testing.AuthorizationMatrix.Target;
import org.handoff.plumbing.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.handoff.notification.support.Fixtures.admin;
import static org.handoff.notification.support.Fixtures.person;
import static org.handoff.notification.support.Fixtures.roster;
import static org.handoff.notification.support.Fixtures.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The authorization matrix of notification-service (README "Who may do what"): one test per endpoint and
 * caller, each with a real signed token. Agency A is a police department with a roster; the notification
 * is the status feedback its referring officer (the recipient) got. Every cell gets fresh state.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ChannelServers.class)
class AuthorizationMatrixTest {

    static final String A = "kg-police-matrix-a";
    static final String B = "kg-police-matrix-b";
    static final String RECIPIENT = "officer.referrer";

    private static final Caller[] CALLERS = {
            new Caller("admin", "admin.ops", "handoff-operations", null, Roles.ADMIN),
            new Caller("supervisor@A", "supervisor.a", A, "police", Roles.SUPERVISOR),
            new Caller("duty-officer@A", "duty.a", A, "police", Roles.DUTY_OFFICER),
            new Caller("duty-officer@B", "duty.b", B, "police", Roles.DUTY_OFFICER),
            new Caller("case-manager", "manager.case", "almaty-coordination", "coordination", Roles.CASE_MANAGER),
            new Caller("police-officer@A", "officer.other", A, "police", Roles.POLICE_OFFICER),
            new Caller("health-worker", "worker.health", "kg-hospital-1", "health", Roles.HEALTH_WORKER),
            new Caller("recipient", RECIPIENT, A, "police", Roles.POLICE_OFFICER),
    };

    private static final String PERSON = "{\"agency\":\"" + A + "\",\"displayName\":\"Officer\",\"language\":\"ru\"}";
    private static final String ROSTER = "{\"region\":\"Chui\",\"timeZone\":\"Asia/Bishkek\",\"shifts\":[]}";

    //                                                                       admin sup  duty duty case pol  hw   recipient
    //                                                                             @A   @A   @B   mgr  @A
    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.callers(CALLERS)
            .row("PUT", "/api/v1/people/{new-person}", PERSON,                   201, 403, 403, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/people/{person}", null,                          200, 403, 403, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/people?agency=" + A, null,                       200, 403, 403, 403, 403, 403, 403, 403)
            .row("DELETE", "/api/v1/people/{person}", null,                       204, 403, 403, 403, 403, 403, 403, 403)
            .row("PUT", "/api/v1/rosters/{new-agency}", ROSTER,                   201, 403, 403, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/rosters?region=Chui", null,                      200, 200, 403, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/rosters/{agency}", null,                         200, 200, 200, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/rosters/{agency}/on-duty", null,                 200, 200, 200, 403, 200, 403, 403, 403)
            .row("DELETE", "/api/v1/rosters/{agency}", null,                      204, 403, 403, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/notifications", null,                            200, 200, 200, 200, 200, 200, 200, 200)
            .row("GET", "/api/v1/notifications/{notification}", null,             200, 200, 200, 404, 404, 404, 404, 200)
            .row("POST", "/api/v1/notifications/{notification}/acknowledge", null, 403, 200, 200, 404, 404, 404, 404, 200)
            .row("GET", "/api/v1/escalations", null,                              200, 200, 403, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/me", null,                                       200, 200, 200, 200, 200, 200, 200, 200)
            .row("GET", "/api/v1/admin/audit/verification", null,                 200, 403, 403, 403, 403, 403, 403, 403);

    @Inject
    NotificationFixtures notifications;
    @Inject
    Vertx vertx;
    @TestHTTPResource("/")
    URI base;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheReadmeSays() {
        return Stream.of(MATRIX.tests(this::fixture), linkTests("GET"), linkTests("POST"), consoleFeedTests())
                .flatMap(s -> s);
    }

    /** The list's scope behind the 200s: a duty officer acts for the agency, so sees what they may acknowledge. */
    @Test
    void dutyOfficersAndSupervisorsListTheirAgencysNotificationsOthersOnlyTheirOwn() {
        agencyA();
        var feedback = notifications.statusFeedback(RECIPIENT, A);
        String id = feedback.id.toString();
        for (int i : new int[] {0, 1, 2, 7}) {
            given().auth().oauth2(CALLERS[i].token()).queryParam("referralId", feedback.referralId.toString())
                    .get("/api/v1/notifications")
                    .then().statusCode(200).body("items.id", hasItem(id));
        }
        for (int i : new int[] {3, 4, 5, 6}) {
            given().auth().oauth2(CALLERS[i].token()).queryParam("referralId", feedback.referralId.toString())
                    .get("/api/v1/notifications")
                    .then().statusCode(200).body("items.id", not(hasItem(id)));
        }
        // an admin sees it but is on no duty chain: refused, and it stays unacknowledged
        given().auth().oauth2(CALLERS[0].token()).post("/api/v1/notifications/{id}/acknowledge", id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CALLERS[7].token()).get("/api/v1/notifications/{id}", id)
                .then().statusCode(200).body("acknowledgedAt", org.hamcrest.Matchers.nullValue());
    }

    /** Fresh state for one cell: people and rosters through the API, the notification as the consumer makes it. */
    private Target fixture(String path) {
        String resolved = path;
        if (resolved.contains("{new-person}")) {
            resolved = resolved.replace("{new-person}", unique("person"));
        }
        if (resolved.contains("{person}")) {
            String user = unique("person");
            person(user, A, "en", null, null);
            resolved = resolved.replace("{person}", user);
        }
        if (resolved.contains("{new-agency}")) {
            resolved = resolved.replace("{new-agency}", unique("kg-agency"));
        }
        if (resolved.contains("{agency}")) {
            agencyA();
            resolved = resolved.replace("{agency}", A);
        }
        if (resolved.contains("{notification}")) {
            resolved = resolved.replace("{notification}", notifications.statusFeedback(RECIPIENT, A).id.toString());
        }
        return Target.of(resolved);
    }

    /** Agency A's roster (a DELETE cell may have removed it) with its duty officer, and the recipient. */
    private static void agencyA() {
        given().auth().oauth2(admin()).contentType("application/json").body(PERSON).put("/api/v1/people/{u}", RECIPIENT)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().auth().oauth2(admin()).contentType("application/json").body(PERSON).put("/api/v1/people/{u}", "duty.a")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        if (given().auth().oauth2(admin()).get("/api/v1/rosters/{a}", A).statusCode() == 404) {
            roster(A, "Asia/Bishkek", null, "duty.a");
        }
    }

    /**
     * The one-time link is the credential, so its rows are public: no token, and every caller, is 200 on a
     * fresh link. The shared generator expects 401 without a token, so these cells are written here.
     * A token for another service is still refused: a presented bearer token must be valid.
     */
    private Stream<DynamicTest> linkTests(String method) {
        String name = method + " /api/v1/acknowledgements/{link}";
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(name + " without a token -> 200", () -> link(method, null, 200)));
        for (Caller caller : CALLERS) {
            tests.add(DynamicTest.dynamicTest(name + " as " + caller.name() + " -> 200",
                    () -> link(method, caller.token(), 200)));
        }
        tests.add(DynamicTest.dynamicTest(name + " as recipient with a token for referral-service -> 401",
                () -> link(method, CALLERS[7].tokenFor(TestTokens.anotherService()), 401)));
        return tests.stream();
    }

    private void link(String method, String token, int expected) {
        agencyA();
        String ackToken = notifications.statusFeedback(RECIPIENT, A).ackToken;
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        Response response = method.equals("GET") ? request.get("/api/v1/acknowledgements/{t}", ackToken)
                : request.post("/api/v1/acknowledgements/{t}", ackToken);
        assertEquals(expected, response.statusCode(), method + " link: " + response.asString());
    }

    /** The duty console's WebSocket: any signed-in caller connects; no token or another service's token is refused. */
    private Stream<DynamicTest> consoleFeedTests() {
        String name = "WebSocket /api/v1/console/feed";
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(name + " without a token -> 401", () -> assertRefused(null)));
        for (Caller caller : CALLERS) {
            tests.add(DynamicTest.dynamicTest(name + " as " + caller.name() + " -> connected",
                    () -> new ConsoleClient(vertx, base, caller.token()).close()));
        }
        tests.add(DynamicTest.dynamicTest(name + " as recipient with a token for referral-service -> 401",
                () -> assertRefused(CALLERS[7].tokenFor(TestTokens.anotherService()))));
        return tests.stream();
    }

    private void assertRefused(String token) throws Exception {
        try {
            new ConsoleClient(vertx, base, token).close();
            throw new AssertionError("the upgrade was accepted");
        } catch (ExecutionException e) {
            UpgradeRejectedException rejected = assertInstanceOf(UpgradeRejectedException.class, e.getCause());
            assertEquals(401, rejected.getStatus());
        }
    }
}
