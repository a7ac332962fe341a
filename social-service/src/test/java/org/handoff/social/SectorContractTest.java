package org.handoff.social;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.handoff.events.IncidentType;
import org.handoff.events.RiskItem;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.events.SocialView;
import org.handoff.inbox.testing.SectorServiceContractTest;
import org.handoff.plumbing.security.Roles;
import org.handoff.plumbing.testing.AuthorizationMatrix;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.handoff.inbox.testing.InboxFixtures.report;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SectorContractTest extends SectorServiceContractTest {

    private static final Map<String, Object> SAFETY_PLAN = Map.of("steps", List.of("keep a bag at the neighbour's"),
            "safePlaces", List.of("sister's flat"), "codeWord", "blue umbrella");

    @Override
    protected Sector sector() {
        return Sector.SOCIAL;
    }

    @Override
    protected String workerRole() {
        return Roles.SOCIAL_WORKER;
    }

    @Override
    protected AuthorizationMatrix.Caller foreignWorker() {
        return new AuthorizationMatrix.Caller("police worker", "officer.police", "almaty-police-dept-1", "police", Roles.POLICE_OFFICER);
    }

    @Override
    protected Object sectorView() {
        return new SocialView(IncidentType.PHYSICAL_ASSAULT, RiskLevel.HIGH, Set.of(RiskItem.THREATS_TO_KILL), 2,
                Set.of(ServiceType.SHELTER, ServiceType.SAFETY_PLANNING));
    }

    @Override
    protected AuthorizationMatrix sectorEndpoints(AuthorizationMatrix shared) {
        // A placement names its case in the body, so that case is made once, held by AGENCY.
        Map<String, Object> placement = Map.of("caseId", heldCase(), "beds", 1);
        Map<String, Object> session = Map.of("heldAt", Instant.now().minus(Duration.ofHours(1)).toString(),
                "durationMinutes", 50, "modality", "INDIVIDUAL");
        Map<String, Object> legalAid = Map.of("matter", "PROTECTION_ORDER", "provider", "Legal clinic Adilet");
        //                                                                                  worker other  police  case   admin
        //                                                                                         agency officer manager
        // The body names AGENCY as the shelter's agency: only its own workers and the admin may register it.
        Map<String, Object> newShelter = Map.of("name", "Matrix shelter", "region", "KZ-ALA", "agency", AGENCY, "capacity", 4);
        return shared
                .row("POST", "/api/v1/shelters", newShelter,                                  201,   403,   403,    403,   201)
                .row("GET", "/api/v1/shelters", null,                                         200,   200,   403,    200,   403)
                .row("GET", "/api/v1/shelters/{shelter}", null,                               200,   200,   403,    200,   403)
                .row("POST", "/api/v1/shelters/{shelter}/placements", placement,              201,   404,   403,    403,   403)
                .row("GET", "/api/v1/placements?caseId={placed-case}", null,                  200,   200,   403,    200,   403)
                .row("POST", "/api/v1/placements/{placement}/release", null,                  200,   404,   403,    403,   403)
                .row("GET", "/api/v1/cases/{planned-case}/safety-plan", null,                 200,   404,   403,    403,   403)
                .row("PUT", "/api/v1/cases/{case}/safety-plan", SAFETY_PLAN,                  200,   404,   403,    403,   403)
                .row("GET", "/api/v1/cases/{case}/sessions", null,                            200,   404,   403,    200,   403)
                .row("POST", "/api/v1/cases/{case}/sessions", session,                        201,   404,   403,    403,   403)
                .row("GET", "/api/v1/cases/{case}/legal-aid", null,                           200,   404,   403,    200,   403)
                .row("POST", "/api/v1/cases/{case}/legal-aid", legalAid,                      201,   404,   403,    403,   403)
                .row("GET", "/api/v1/child-protection", null,                                 200,   200,   403,    200,   403)
                .row("POST", "/api/v1/child-protection/{notification}/acknowledge", null,     200,   404,   403,    403,   403);
    }

    @Override
    protected Fixture sectorFixture(String placeholder) {
        return switch (placeholder) {
            case "shelter" -> new Fixture(shelter(), null);
            case "placed-case" -> new Fixture(place().getString("caseId"), null);
            case "placement" -> {
                JsonPath placed = place();
                yield Fixture.atVersion(placed.getString("id"), placed.getLong("version"));
            }
            case "planned-case" -> {
                String caseId = heldCase();
                given().auth().oauth2(worker()).contentType(ContentType.JSON).body(SAFETY_PLAN)
                        .put("/api/v1/cases/" + caseId + "/safety-plan").then().statusCode(200);
                yield new Fixture(caseId, null);
            }
            case "notification" -> {
                Map<String, Object> body = report("Child Survivor", null, null);
                @SuppressWarnings("unchecked")
                Map<String, Object> survivor = (Map<String, Object>) body.get("survivor");
                survivor.put("ageYears", 15);
                body.put("consents", List.of());
                String caseId = (String) postReport(body, null).get("caseId");
                yield new Fixture(given().auth().oauth2(worker()).queryParam("caseId", caseId)
                        .get("/api/v1/child-protection").then().statusCode(200).extract().path("[0].id"), null);
            }
            default -> super.sectorFixture(placeholder);
        };
    }

    /** A fresh shelter of AGENCY, registered by the admin. */
    private static String shelter() {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix shelter " + UUID.randomUUID(), "region", "KZ-ALA", "agency", AGENCY,
                        "capacity", 5))
                .post("/api/v1/shelters").then().statusCode(201).extract().path("id");
    }

    /** AGENCY places a fresh case of its own in a fresh shelter. */
    private JsonPath place() {
        return given().auth().oauth2(worker()).contentType(ContentType.JSON)
                .body(Map.of("caseId", heldCase(), "beds", 1))
                .post("/api/v1/shelters/" + shelter() + "/placements").then().statusCode(201).extract().jsonPath();
    }
}
