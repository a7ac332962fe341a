package org.handoff.referral.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.handoff.events.CaseReported;
import org.handoff.events.Topics;
import org.handoff.referral.MutableClock;
import org.handoff.referral.TestCases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.handoff.plumbing.testing.KafkaTestSupport.topic;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flows an administrator sees are the real broker's: end offsets grow with each event, lag returns to 0. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FlowsApiTest {

    @Inject
    MutableClock clock;

    @Test
    void aReportShowsOnTheCaseReportedTopicAndReferralServiceCatchesUp() {
        String caseReported = topic(Topics.CASE_REPORTED);
        long before = endOffset(flows(), caseReported);
        CaseReported report = TestCases.highRiskRape(clock.instant());
        TestCases.reportCase(report);
        TestCases.awaitReferrals(report.caseId(), 2);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath flows = flows();
            return endOffset(flows, caseReported) >= before + 1 && lag(flows, "referral-service", caseReported) == 0;
        });
        JsonPath flows = flows();
        Map<String, Object> topicFlow = topicFlow(flows, caseReported);
        assertEquals(false, topicFlow.get("deadLetters"));
        assertTrue((Integer) topicFlow.get("partitions") >= 1, topicFlow.toString());
        assertTrue(topicFlow(flows, topic(Topics.dlq(Topics.CASE_REPORTED))) == null
                || Boolean.TRUE.equals(topicFlow(flows, topic(Topics.dlq(Topics.CASE_REPORTED))).get("deadLetters")));
        // the inbox referrals went out too: the topic of each recipient has records
        assertTrue(endOffset(flows, topic(Topics.HEALTH_INBOX)) >= 1, flows.prettify());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("handoff_flow_consumer_lag{group=\"referral-service\",topic=\"" + caseReported + "\"} 0.0"));
    }

    private static JsonPath flows() {
        return given().auth().oauth2(TestCases.admin()).get("/api/v1/admin/flows").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> topicFlow(JsonPath flows, String topic) {
        List<Map<String, Object>> topics = flows.getList("topics");
        return topics.stream().filter(flow -> topic.equals(flow.get("topic"))).findFirst().orElse(null);
    }

    private static long endOffset(JsonPath flows, String topic) {
        Map<String, Object> flow = topicFlow(flows, topic);
        return flow == null ? 0 : ((Number) flow.get("endOffset")).longValue();
    }

    private static long lag(JsonPath flows, String group, String topic) {
        List<Map<String, Object>> consumers = flows.getList("consumers");
        return consumers.stream().filter(c -> group.equals(c.get("group")) && topic.equals(c.get("topic")))
                .mapToLong(c -> ((Number) c.get("lag")).longValue()).findFirst().orElse(-1);
    }
}
