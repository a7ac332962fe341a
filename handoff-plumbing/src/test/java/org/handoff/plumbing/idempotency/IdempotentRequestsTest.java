package org.handoff.plumbing.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.handoff.plumbing.consumer.IncrementConsumer;
import org.handoff.plumbing.testing.OnVertx;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IdempotentRequestsTest {

    @Test
    void retriedPostWithTheSameKeyChangesStateOnceAndGetsTheFirstAnswer() {
        String counter = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        post(counter, key, 3).then().statusCode(201).body("value", equalTo(3))
                .header("Location", endsWith("/test/counters/" + counter));
        post(counter, key, 3).then().statusCode(201).body("value", equalTo(3))
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/test/counters/" + counter));
        assertEquals(3, OnVertx.await(() -> IncrementConsumer.value(counter)));
    }

    @Test
    void concurrentRetriesStillChangeStateOnce() {
        String counter = "idem-concurrent-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        CompletableFuture<?>[] retries = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.runAsync(() -> post(counter, key, 2).then().statusCode(201)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(retries).join();
        assertEquals(2, OnVertx.await(() -> IncrementConsumer.value(counter)));
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedAndChangesNothing() {
        String counter = "idem-reuse-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        post(counter, key, 1).then().statusCode(201);
        post(counter, key, 5).then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, OnVertx.await(() -> IncrementConsumer.value(counter)));
    }

    @Test
    void withoutAKeyEveryPostCounts() {
        String counter = "idem-none-" + UUID.randomUUID();
        post(counter, null, 1).then().statusCode(201);
        post(counter, null, 1).then().statusCode(201).body("value", equalTo(2));
    }

    private static io.restassured.response.Response post(String counter, String key, int by) {
        var request = given().contentType(ContentType.JSON).body("{\"by\":" + by + "}");
        if (key != null) {
            request.header(IdempotentRequests.HEADER, key);
        }
        return request.post("/test/counters/" + counter + "/increments");
    }
}
