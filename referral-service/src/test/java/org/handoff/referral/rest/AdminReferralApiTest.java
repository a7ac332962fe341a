package org.handoff.referral.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.handoff.events.Actor;
import org.handoff.events.CaseReported;
import org.handoff.events.ReferralReceived;
import org.handoff.events.Sector;
import org.handoff.events.Topics;
import org.handoff.plumbing.testing.OnVertx;
import org.handoff.referral.MutableClock;
import org.handoff.referral.Referral;
import org.handoff.referral.TestCases;
import org.handoff.referral.service.DeadlineWatcher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an administrator sees of the referral flow; time is moved, never waited for. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AdminReferralApiTest {

    @Inject
    MutableClock clock;
    @Inject
    DeadlineWatcher watcher;

    @Test
    void anUnansweredReferralBecomesOverdueStuckAndEscalatedAndLeavesTheStuckListOnceReceived() {
        JsonPath before = overview();
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        TestCases.awaitReferrals(report.caseId(), 2);
        Referral health = TestCases.referralTo(report.caseId(), Sector.HEALTH);

        JsonPath after = overview();
        assertEquals(count(before, "REQUESTED", "HEALTH") + 1, count(after, "REQUESTED", "HEALTH"),
                "the new health referral is counted as REQUESTED: " + after.prettify());
        assertTrue(find("overdue", health).isEmpty(), "nothing is overdue before its deadline");

        // EMERGENCY health receipt is due after 5 minutes
        clock.advance(Duration.ofMinutes(6));
        Map<String, Object> overdue = find("overdue", health).orElseThrow(() -> new AssertionError("health referral not overdue"));
        assertEquals("RECEIPT", overdue.get("deadline"));
        assertEquals("REQUESTED", overdue.get("state"));
        assertEquals(0, overdue.get("escalationLevel"));
        assertEquals(report.caseId().toString(), overdue.get("caseId"));
        assertTrue(Duration.parse((String) overdue.get("overdueBy")).compareTo(Duration.ofMinutes(1)) >= 0, overdue.toString());
        assertTrue(Duration.parse((String) overdue.get("age")).compareTo(Duration.ofMinutes(6)) >= 0, overdue.toString());
        assertFalse(overdue.toString().contains("survivor"), "no survivor data in the admin view: " + overdue);
        assertTrue(find("stuck", health).isPresent(), "REQUESTED past its receipt deadline is stuck");
        assertTrue(find("escalated", health).isEmpty(), "not escalated before the watcher ran");
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("handoff_referrals_attention{kind=\"stuck\"}") >= 1);
        assertTrue(gauge("handoff_referrals{sector=\"HEALTH\",state=\"REQUESTED\"}") >= 1);

        OnVertx.await(watcher::drain);
        assertEquals(1, find("escalated", health).orElseThrow().get("escalationLevel"));

        // the recipient's system confirms receipt: no longer stuck, and the receipt deadline no longer counts
        TestCases.publish(new ReferralReceived(health.id, report.caseId(), Sector.HEALTH,
                Actor.system("health-service", TestCases.HEALTH_AGENCY), clock.instant()), report.caseId(), Topics.REFERRAL_STATUS);
        await().atMost(Duration.ofSeconds(60)).until(() -> find("stuck", health).isEmpty());
        assertTrue(find("escalated", health).isEmpty(), "a met deadline's escalation is over");
    }

    @Test
    void anUnknownListIsA404Problem() {
        given().auth().oauth2(TestCases.admin()).get("/api/v1/admin/referrals/forgotten")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** The value of one series on the Prometheus endpoint; -1 when absent. */
    private static double gauge(String series) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(series + " ")).mapToDouble(line ->
                Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst().orElse(-1);
    }

    private static JsonPath overview() {
        return given().auth().oauth2(TestCases.admin()).get("/api/v1/admin/referrals/overview")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath overview, String state, String sector) {
        List<Map<String, Object>> rows = overview.getList("byStateAndSector");
        return rows.stream().filter(row -> state.equals(row.get("state")) && sector.equals(row.get("sector")))
                .mapToLong(row -> ((Number) row.get("count")).longValue()).sum();
    }

    /** The referral in the list, looked for on every page (other tests' referrals are in it too). */
    private static Optional<Map<String, Object>> find(String list, Referral referral) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath found = given().auth().oauth2(TestCases.admin()).queryParam("sector", "HEALTH")
                    .queryParam("page", page).queryParam("size", 200)
                    .get("/api/v1/admin/referrals/" + list).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = found.getList("items");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= found.getLong("total")) {
                break;
            }
        }
        return all.stream().filter(item -> referral.id.toString().equals(item.get("referralId"))).findFirst();
    }
}
