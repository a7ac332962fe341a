package org.handoff.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.handoff.events.HealthView;
import org.handoff.events.IncidentType;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.inbox.testing.SectorServiceContractTest;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.AuthorizationMatrix;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * Includes: a police token gets 403 on the health inbox, and reads a medical certificate only where
 * the survivor consented to police seeing it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SectorContractTest extends SectorServiceContractTest {

    @Override
    protected Sector sector() {
        return Sector.HEALTH;
    }

    @Override
    protected String workerRole() {
        return Roles.HEALTH_WORKER;
    }

    @Override
    protected AuthorizationMatrix.Caller foreignWorker() {
        return new AuthorizationMatrix.Caller("police worker", "officer.police", "almaty-police-dept-1", "police", Roles.POLICE_OFFICER);
    }

    @Override
    protected Object sectorView() {
        return new HealthView(IncidentType.PHYSICAL_ASSAULT, Instant.now().minus(Duration.ofHours(3)), false, true,
                null, List.of(), Set.of(ServiceType.MEDICAL_CARE));
    }

    @Override
    protected AuthorizationMatrix sectorEndpoints(AuthorizationMatrix shared) {
        // POST /encounters names its case in the body, so that case is made once, held by AGENCY.
        Map<String, Object> encounter = Map.of("caseId", heldCase());
        Map<String, Object> certificate = Map.of("findings", "haematoma, consistent with the account", "policeConsent", true);
        //                                                                                  worker other  police  case   admin
        //                                                                                         agency officer manager
        return shared
                .row("POST", "/api/v1/encounters", encounter,                                 201,   404,   403,    403,   403)
                .row("GET", "/api/v1/encounters/{encounter}", null,                           200,   404,   403,    200,   403)
                .row("POST", "/api/v1/encounters/{encounter}/certificate", certificate,       201,   404,   403,    403,   403)
                .row("GET", "/api/v1/certificates/{certificate}", null,                       200,   404,   403,    403,   403)
                .row("GET", "/api/v1/certificates/{consented-certificate}", null,             200,   404,   200,    403,   403)
                .row("GET", "/api/v1/follow-ups", null,                                       200,   200,   403,    200,   403)
                .row("POST", "/api/v1/follow-ups/{follow-up}/complete", null,                 200,   404,   403,    403,   403);
    }

    @Override
    protected Fixture sectorFixture(String placeholder) {
        return switch (placeholder) {
            case "encounter" -> new Fixture(encounter().getString("id"), null);
            case "certificate" -> new Fixture(certificate(false), null);
            case "consented-certificate" -> new Fixture(certificate(true), null);
            case "follow-up" -> {
                JsonPath encounter = encounter();
                yield Fixture.atVersion(encounter.getString("followUps[0].id"), encounter.getLong("followUps[0].version"));
            }
            default -> super.sectorFixture(placeholder);
        };
    }

    /** An encounter of AGENCY on a case of its own. */
    private JsonPath encounter() {
        return given().auth().oauth2(worker()).contentType(ContentType.JSON).body(Map.of("caseId", heldCase()))
                .post("/api/v1/encounters").then().statusCode(201).extract().jsonPath();
    }

    private String certificate(boolean policeConsent) {
        return given().auth().oauth2(worker()).contentType(ContentType.JSON)
                .body(Map.of("findings", "haematoma, consistent with the account", "policeConsent", policeConsent))
                .post("/api/v1/encounters/" + encounter().getString("id") + "/certificate")
                .then().statusCode(201).extract().path("id");
    }
}
