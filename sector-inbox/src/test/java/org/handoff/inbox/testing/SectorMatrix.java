package org.handoff.inbox.testing;

import org.handoff.events.ReferralRequested;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.AuthorizationMatrix;
import org.handoff.plumbing.testing.AuthorizationMatrix.Caller;
import org.handoff.plumbing.testing.AuthorizationMatrix.Target;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.handoff.inbox.testing.InboxFixtures.report;

/**
 * The endpoints every sector service has (sector-inbox), and who may call them: a worker acts within
 * their own agency and sees another agency's records as absent (404), coordination reads the whole
 * sector but acts on nothing, another sector's worker and the admin see no survivor data (403).
 */
final class SectorMatrix {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    private SectorMatrix() {
    }

    static AuthorizationMatrix shared(SectorServiceContractTest test) {
        String sector = test.sector().id();
        Map<String, Object> consentWithdrawal = Map.of("sectors", List.of("SOCIAL"), "dataCategories", List.of("CONTACT"));
        return AuthorizationMatrix.callers(
                        new Caller("worker@agency", "worker-" + sector, SectorServiceContractTest.AGENCY, sector, test.workerRole()),
                        new Caller("worker@other-agency", "worker-other", SectorServiceContractTest.OTHER_AGENCY, sector, test.workerRole()),
                        test.foreignWorker(),
                        new Caller("case-manager", "manager.case", "almaty-coordination", "coordination", Roles.CASE_MANAGER),
                        new Caller("admin", "admin.ops", "almaty-coordination", "coordination", Roles.ADMIN))
                //                                                                         worker other  foreign case   admin
                //                                                                                agency sector  manager
                .row("GET", "/api/v1/inbox/referrals", null,                                200,   200,   403,    200,   403)
                .row("GET", "/api/v1/inbox/referrals/{referral}", null,                     200,   404,   403,    200,   403)
                .row("POST", "/api/v1/inbox/referrals/{referral}/accept", null,             200,   404,   403,    403,   403)
                .row("POST", "/api/v1/inbox/referrals/{referral}/decline",
                        Map.of("reason", "NO_CAPACITY"),                                    200,   404,   403,    403,   403)
                .row("POST", "/api/v1/reports", report("Matrix Survivor", null, null),      201,   201,   403,    403,   403)
                .row("GET", "/api/v1/reports", null,                                        200,   200,   403,    200,   403)
                .row("GET", "/api/v1/reports/{report}", null,                               200,   404,   403,    200,   403)
                .row("POST", "/api/v1/reports/{report}/consent-withdrawals", consentWithdrawal,
                                                                                            202,   404,   403,    403,   403)
                .row("GET", "/api/v1/outgoing-referrals", null,                             200,   200,   403,    200,   403)
                .row("GET", "/api/v1/admin/audit/verification", null,                       403,   403,   403,    403,   200)
                .row("GET", "/api/v1/me", null,                                             200,   200,   200,    200,   200);
    }

    /** Makes fresh fixtures for one cell; inbox actions get the If-Match of the referral's current version. */
    static Target target(SectorServiceContractTest test, String template) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        String ifMatch = null;
        while (placeholders.find()) {
            SectorServiceContractTest.Fixture fixture = switch (placeholders.group(1)) {
                case "referral" -> {
                    ReferralRequested request = test.arrive();
                    yield new SectorServiceContractTest.Fixture(request.referralId().toString(), test.etag(request.referralId()));
                }
                case "report" -> new SectorServiceContractTest.Fixture(
                        (String) test.postReport(report("Matrix Survivor", null, null), null).get("id"), null);
                case "case" -> new SectorServiceContractTest.Fixture(test.heldCase(), null);
                default -> test.sectorFixture(placeholders.group(1));
            };
            if (fixture.ifMatch() != null) {
                ifMatch = fixture.ifMatch();
            }
            String id = fixture.id();
            placeholders.appendReplacement(path, id);
        }
        placeholders.appendTail(path);
        return new Target(path.toString(), ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }
}
