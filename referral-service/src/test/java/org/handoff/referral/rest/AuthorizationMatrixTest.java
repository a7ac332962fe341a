package org.handoff.referral.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.handoff.events.CaseReported;
import org.handoff.events.Sector;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.AuthorizationMatrix;
import org.handoff.plumbing.testing.AuthorizationMatrix.Caller;
import org.handoff.plumbing.testing.AuthorizationMatrix.Target;
import org.handoff.referral.MutableClock;
import org.handoff.referral.Referral;
import org.handoff.referral.TestCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The authorization matrix of referral-service (README "Who may do what"), turned into one test per
 * endpoint and caller. The case is a HIGH-risk report by almaty-police-dept-1 with referrals to
 * almaty-city-hospital-4 and almaty-crisis-centre.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuthorizationMatrixTest {

    private static final String POLICE = TestCases.POLICE_AGENCY;

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.callers(
                    new Caller("case-manager", "manager.case", "almaty-coordination", "coordination", Roles.CASE_MANAGER),
                    new Caller("police-officer@origin", "officer.police", POLICE, "police", Roles.POLICE_OFFICER),
                    new Caller("police-officer@other", "officer.police", "shymkent-police-dept-2", "police", Roles.POLICE_OFFICER),
                    new Caller("duty-officer@origin", "duty.police", POLICE, "police", Roles.DUTY_OFFICER),
                    new Caller("supervisor@origin", "supervisor.police", POLICE, "police", Roles.SUPERVISOR),
                    new Caller("health-worker@recipient", "worker.health", TestCases.HEALTH_AGENCY, "health", Roles.HEALTH_WORKER),
                    new Caller("health-worker@other", "worker.health", "shymkent-hospital-1", "health", Roles.HEALTH_WORKER),
                    new Caller("social-worker@recipient", "worker.social", TestCases.SOCIAL_AGENCY, "social", Roles.SOCIAL_WORKER),
                    new Caller("admin", "admin.ops", "handoff-operations", null, Roles.ADMIN))
            //                                                                           case pol  pol  duty sup  hw   hw   sw   admin
            //                                                                           mgr  org  oth  org  org  rcp  oth  rcp
            .row("GET", "/api/v1/cases/{case}", null,                                    200, 200, 403, 200, 200, 200, 403, 200, 403)
            .row("GET", "/api/v1/cases/{case}/timeline", null,                           200, 200, 403, 200, 200, 200, 403, 200, 403)
            .row("POST", "/api/v1/cases/{case}/referrals",
                    Map.of("sector", "HEALTH", "priority", "URGENT"),                   409, 403, 403, 403, 403, 403, 403, 403, 403)
            .row("POST", "/api/v1/cases/{case}/consent-withdrawals",
                    Map.of("sectors", List.of("SOCIAL"), "dataCategories", List.of("CONTACT")),
                                                                                         200, 200, 403, 403, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/referrals", null,                                       200, 200, 200, 200, 200, 200, 200, 200, 200)
            .row("GET", "/api/v1/referrals/{health}", null,                              200, 200, 403, 200, 200, 200, 403, 403, 200)
            .row("POST", "/api/v1/referrals/{health}/cancellation",
                    Map.of("reason", "REFERRER_WITHDREW"),                               200, 200, 403, 403, 403, 403, 403, 403, 403)
            .row("GET", "/api/v1/admin/audit/verification", null,                        403, 403, 403, 403, 403, 403, 403, 403, 200)
            .row("GET", "/api/v1/admin/referrals/overview", null,                        403, 403, 403, 403, 403, 403, 403, 403, 200)
            .row("GET", "/api/v1/admin/referrals/overdue", null,                         403, 403, 403, 403, 403, 403, 403, 403, 200)
            .row("GET", "/api/v1/admin/referrals/stuck", null,                           403, 403, 403, 403, 403, 403, 403, 403, 200)
            .row("GET", "/api/v1/admin/flows", null,                                     403, 403, 403, 403, 403, 403, 403, 403, 200)
            .row("GET", "/api/v1/me", null,                                              200, 200, 200, 200, 200, 200, 200, 200, 200);

    @Inject
    MutableClock clock;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheMatrixSays() {
        return MATRIX.tests(this::freshCase);
    }

    /** Every cell gets a fresh case, so one caller's success cannot change the next caller's answer. */
    private Target freshCase(String template) {
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        TestCases.awaitReferrals(report.caseId(), 2);
        Referral health = TestCases.referralTo(report.caseId(), Sector.HEALTH);
        return Target.of(template.replace("{case}", report.caseId().toString()).replace("{health}", health.id.toString()));
    }
}
