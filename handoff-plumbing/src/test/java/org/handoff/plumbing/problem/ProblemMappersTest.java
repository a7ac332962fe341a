package org.handoff.plumbing.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProblemMappersTest {

    @Test
    void validationErrorsNameEveryBadField() {
        given().contentType(ContentType.JSON)
                .body("{\"survivor\":{\"name\":\" \",\"age\":-3},\"incidentType\":\"\",\"services\":[\"shelter\",\"\"]}")
                .post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handoff:problem:validation"))
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("survivor.name", "survivor.age", "incidentType", "services[1]"));
    }

    @Test
    void malformedJsonIsAClientError() {
        given().contentType(ContentType.JSON)
                .body("{\"survivor\": {\"name\": ")
                .post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handoff:problem:unreadable-body"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"survivor\":{\"name\":\"A\",\"age\":\"old\"},\"incidentType\":\"RAPE\"}")
                .post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("survivor.age"));
    }

    @Test
    void domainRefusalKeepsItsStatus() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/test/problems/cancelled")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cancelled"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/test/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
