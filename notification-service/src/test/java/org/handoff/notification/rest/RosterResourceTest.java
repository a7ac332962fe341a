package org.handoff.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.handoff.notification.support.ChannelServers;
import org.handoff.plumbing.security.Roles;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.handoff.notification.support.Fixtures.admin;
import static org.handoff.notification.support.Fixtures.officer;
import static org.handoff.notification.support.Fixtures.person;
import static org.handoff.notification.support.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Rosters over REST: admins manage them; shifts are read in the roster's own time zone. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ChannelServers.class)
class RosterResourceTest {

    private static String body(String zone, String... shifts) {
        return "{\"region\":\"Chui\",\"timeZone\":\"" + zone + "\",\"webhook\":{\"url\":\"https://agency.example/hook\","
                + "\"secret\":\"a-secret-of-enough-length\"},\"shifts\":[" + String.join(",", shifts) + "]}";
    }

    private static String shift(int level, String user, String days, String start, String end) {
        return "{\"level\":" + level + ",\"userId\":\"" + user + "\",\"days\":" + days + ",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}";
    }

    @Test
    void onlyAnAdminManagesRosters() {
        String agency = unique("kg-police");
        given().contentType(ContentType.JSON).body(body("Asia/Bishkek")).put("/api/v1/rosters/{a}", agency)
                .then().statusCode(401);
        given().auth().oauth2(officer("duty.one", agency, Roles.DUTY_OFFICER)).contentType(ContentType.JSON)
                .body(body("Asia/Bishkek")).put("/api/v1/rosters/{a}", agency).then().statusCode(403);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body("Asia/Bishkek"))
                .put("/api/v1/rosters/{a}", agency).then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body("Asia/Almaty"))
                .put("/api/v1/rosters/{a}", agency).then().statusCode(200)
                .body("timeZone", equalTo("Asia/Almaty"))
                .body("webhookSecretSet", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("webhookSecret")));
        // a duty officer reads their own agency's roster; another's is refused, not hidden
        given().auth().oauth2(officer("duty.one", agency, Roles.DUTY_OFFICER)).get("/api/v1/rosters/{a}", agency)
                .then().statusCode(200);
        given().auth().oauth2(officer("duty.two", "other-agency", Roles.DUTY_OFFICER)).get("/api/v1/rosters/{a}", agency)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badRostersAreRefusedFieldByFieldAndChangeNothing() {
        String agency = unique("kg-social");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(body("Mars/Olympus", shift(1, "nobody-" + agency, "[\"MONDAY\"]", "08:00", "20:00")))
                .put("/api/v1/rosters/{a}", agency)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("timeZone"))
                .body("violations.field", hasItem("shifts"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"region\":\"\",\"timeZone\":\"Asia/Bishkek\",\"shifts\":[{\"level\":0,\"days\":[]}]}")
                .put("/api/v1/rosters/{a}", agency)
                .then().statusCode(400).body("violations.field", hasItem("region"))
                .body("violations.field", hasItem("shifts[0].level"));
        given().auth().oauth2(admin()).get("/api/v1/rosters/{a}", agency).then().statusCode(404);
    }

    @Test
    void whoIsOnDutyFollowsTheRostersLocalTimeAcrossMidnight() {
        String agency = unique("kg-hospital");
        String day = unique("day");
        String night = unique("night");
        String sup = unique("sup");
        person(day, agency, "ky", null, null);
        person(night, agency, "ru", null, null);
        person(sup, agency, "en", null, null);
        String weekdays = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]";
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(body("Asia/Bishkek", shift(1, day, weekdays, "08:00", "20:00"),
                        shift(1, night, weekdays, "20:00", "08:00"), shift(2, sup, weekdays, "08:00", "08:00")))
                .put("/api/v1/rosters/{a}", agency).then().statusCode(201);

        String token = officer("manager", "coordination", Roles.CASE_MANAGER);
        // Monday 2026-03-02 08:30 in Bishkek (UTC+6) is 02:30Z
        given().auth().oauth2(token).queryParam("at", "2026-03-02T02:30:00Z").get("/api/v1/rosters/{a}/on-duty", agency)
                .then().statusCode(200)
                .body("levels[0].people.userId", contains(day))
                .body("levels[1].people.userId", contains(sup))
                .body("levels[2].people", empty());
        // Tuesday 03:00 in Bishkek: Monday's night shift is still on
        given().auth().oauth2(token).queryParam("at", "2026-03-02T21:00:00Z").get("/api/v1/rosters/{a}/on-duty", agency)
                .then().statusCode(200).body("levels[0].people.userId", contains(night));
        // Saturday 03:00 in Bishkek: Friday's night shift runs into it
        given().auth().oauth2(token).queryParam("at", "2026-03-06T21:00:00Z").get("/api/v1/rosters/{a}/on-duty", agency)
                .then().statusCode(200).body("levels[0].people.userId", contains(night));
        // Saturday 10:00: nobody at level 1
        given().auth().oauth2(token).queryParam("at", "2026-03-07T04:00:00Z").get("/api/v1/rosters/{a}/on-duty", agency)
                .then().statusCode(200).body("levels[0].people", empty());
        given().auth().oauth2(token).queryParam("at", "yesterday").get("/api/v1/rosters/{a}/on-duty", agency)
                .then().statusCode(400).body("detail", containsString("ISO-8601"));
    }

    @Test
    void aPersonsLanguageWithoutTemplatesYetIsServedInTheFallback() {
        String user = unique("kk-speaker");
        person(user, "kz-police", "kk", null, null);
        given().auth().oauth2(admin()).get("/api/v1/people/{u}", user).then().statusCode(200)
                .body("language", equalTo("kk")).body("servedLanguage", equalTo("en"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"agency\":\"kz-police\",\"displayName\":\"X\",\"language\":\"fr\",\"email\":\"not-an-address\"}")
                .put("/api/v1/people/{u}", user).then().statusCode(400)
                .body("violations.field", hasItem("language")).body("violations.field", hasItem("email"));
    }
}
