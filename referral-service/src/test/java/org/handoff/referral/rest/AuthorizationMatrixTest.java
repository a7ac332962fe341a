package org.handoff.referral.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.handoff.events.CaseReported;
import org.handoff.events.Sector;
import org.handoff.plumbing.security.Roles;
import org.handoff.referral.MutableClock;
import org.handoff.referral.Referral;
import org.handoff.referral.TestCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.handoff.plumbing.testing.TestTokens.token;

/**
 * The authorization matrix of referral-service (README "Who may do what"), turned into one test per
 * endpoint and caller. The case is a HIGH-risk report by almaty-police-dept-1 with referrals to
 * almaty-city-hospital-4 and almaty-crisis-centre.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuthorizationMatrixTest {

    /** Callers, each a real signed token; "anonymous" sends none. */
    private static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("anonymous", () -> null);
        CALLERS.put("case-manager", TestCases::caseManager);
        CALLERS.put("police-officer@origin", () -> TestCases.policeOfficer(TestCases.POLICE_AGENCY));
        CALLERS.put("police-officer@other", () -> TestCases.policeOfficer("shymkent-police-dept-2"));
        CALLERS.put("duty-officer@origin", () -> token("duty.police", TestCases.POLICE_AGENCY, "police", Roles.DUTY_OFFICER));
        CALLERS.put("supervisor@origin", () -> token("supervisor.police", TestCases.POLICE_AGENCY, "police", Roles.SUPERVISOR));
        CALLERS.put("health-worker@recipient", TestCases::healthWorker);
        CALLERS.put("health-worker@other", () -> token("worker.health", "shymkent-hospital-1", "health", Roles.HEALTH_WORKER));
        CALLERS.put("social-worker@recipient", () -> token("worker.social", TestCases.SOCIAL_AGENCY, "social", Roles.SOCIAL_WORKER));
        CALLERS.put("admin", TestCases::admin);
    }

    private static final List<String> ORDER = List.copyOf(CALLERS.keySet());

    /** One row per endpoint: the expected status for each caller, in the order of CALLERS. */
    private record Row(String method, String path, String body, int... expected) {
    }

    private static final List<Row> MATRIX = List.of(
            //                                                                                anon case pol pol duty sup  hw   hw   sw   admin
            //                                                                                     mgr  org oth  org  org  rcp  oth  rcp
            new Row("GET", "/api/v1/cases/{case}", null,                                   401, 200, 200, 403, 200, 200, 200, 403, 200, 403),
            new Row("GET", "/api/v1/cases/{case}/timeline", null,                          401, 200, 200, 403, 200, 200, 200, 403, 200, 403),
            new Row("POST", "/api/v1/cases/{case}/referrals",
                    "{\"sector\":\"HEALTH\",\"priority\":\"URGENT\"}",                      401, 409, 403, 403, 403, 403, 403, 403, 403, 403),
            new Row("POST", "/api/v1/cases/{case}/consent-withdrawals",
                    "{\"sectors\":[\"SOCIAL\"],\"dataCategories\":[\"CONTACT\"]}",          401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
            new Row("GET", "/api/v1/referrals", null,                                      401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Row("GET", "/api/v1/referrals/{health}", null,                             401, 200, 200, 403, 200, 200, 200, 403, 403, 200),
            new Row("POST", "/api/v1/referrals/{health}/cancellation",
                    "{\"reason\":\"REFERRER_WITHDREW\"}",                                  401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
            new Row("GET", "/api/v1/admin/audit/verification", null,                       401, 403, 403, 403, 403, 403, 403, 403, 403, 200),
            new Row("GET", "/api/v1/me", null,                                             401, 200, 200, 200, 200, 200, 200, 200, 200, 200));

    @Inject
    MutableClock clock;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheMatrixSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : MATRIX) {
            for (int i = 0; i < ORDER.size(); i++) {
                String caller = ORDER.get(i);
                int expected = row.expected()[i];
                tests.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + caller + " -> " + expected,
                        () -> call(row, CALLERS.get(caller).get()).then().statusCode(expected)));
            }
        }
        return tests.stream();
    }

    /** State-changing rows get a fresh case each, so one caller's success cannot change the next caller's answer. */
    private io.restassured.response.Response call(Row row, String token) {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        TestCases.awaitReferrals(report.caseId(), 2);
        Referral health = TestCases.referralTo(report.caseId(), Sector.HEALTH);
        String path = row.path().replace("{case}", report.caseId().toString()).replace("{health}", health.id.toString());
        RequestSpecification request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (row.body() != null) {
            request.contentType(ContentType.JSON).body(row.body());
        }
        return row.method().equals("GET") ? request.get(path) : request.post(path);
    }
}
