package org.handoff.police;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.handoff.events.IncidentType;
import org.handoff.events.PoliceView;
import org.handoff.events.RiskItem;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.inbox.testing.SectorServiceContractTest;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.AuthorizationMatrix;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.handoff.inbox.testing.InboxFixtures.report;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SectorContractTest extends SectorServiceContractTest {

    @Override
    protected Sector sector() {
        return Sector.POLICE;
    }

    @Override
    protected String workerRole() {
        return Roles.POLICE_OFFICER;
    }

    @Override
    protected AuthorizationMatrix.Caller foreignWorker() {
        return new AuthorizationMatrix.Caller("health worker", "worker.health", "almaty-city-hospital-4", "health", Roles.HEALTH_WORKER);
    }

    @Override
    protected Object sectorView() {
        Instant incident = Instant.now().minus(Duration.ofHours(3));
        return new PoliceView(IncidentType.PHYSICAL_ASSAULT, incident, false, RiskLevel.MEDIUM,
                Set.of(RiskItem.STRANGULATION), 1, Set.of(ServiceType.INVESTIGATION), null);
    }

    @Override
    protected AuthorizationMatrix sectorEndpoints(AuthorizationMatrix shared) {
        //                                                                                  worker other  foreign case   admin
        //                                                                                         agency sector  manager
        return shared
                .row("GET", "/api/v1/protection-orders", null,                                200,   200,   403,    200,   403)
                .row("GET", "/api/v1/protection-orders/{order}", null,                        200,   404,   403,    200,   403)
                .row("POST", "/api/v1/protection-orders/{order}/issue", Map.of("durationDays", 14),
                                                                                              200,   404,   403,    403,   403)
                .row("GET", "/api/v1/cases/{investigated-case}/investigation", null,          200,   404,   403,    200,   403)
                .row("PUT", "/api/v1/cases/{case}/investigation", Map.of("reference", "INV-MATRIX-1"),
                                                                                              200,   404,   403,    403,   403);
    }

    @Override
    protected Fixture sectorFixture(String placeholder) {
        return switch (placeholder) {
            case "order" -> {
                Map<String, Object> body = report("Matrix Survivor", null, null);
                body.put("risk", Map.of("answers", Map.of("WEAPON_USED", true), "professionalJudgement", "HIGH"));
                String caseId = (String) postReport(body, null).get("caseId");
                var order = given().auth().oauth2(worker()).queryParam("caseId", caseId).get("/api/v1/protection-orders")
                        .then().statusCode(200).extract().jsonPath();
                yield Fixture.atVersion(order.getString("items[0].id"), order.getLong("items[0].version"));
            }
            case "investigated-case" -> {
                String caseId = heldCase();
                given().auth().oauth2(worker()).contentType(ContentType.JSON).body(Map.of("reference", "INV-MATRIX-0"))
                        .put("/api/v1/cases/" + caseId + "/investigation").then().statusCode(200);
                yield new Fixture(caseId, null);
            }
            default -> super.sectorFixture(placeholder);
        };
    }
}
