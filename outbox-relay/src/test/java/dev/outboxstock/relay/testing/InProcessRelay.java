package dev.outboxstock.relay.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

/** The relay a {@code @QuarkusTest} runs, seen through its health endpoint. */
public final class InProcessRelay {

    private InProcessRelay() {}

    /**
     * Waits until the relay streams: its slot exists from then on, so every row committed afterwards is relayed (it
     * streams from its slot only; the services write no event before).
     */
    public static void awaitStreaming(Duration timeout) {
        await().atMost(timeout)
                .untilAsserted(() -> given().when()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks[0].data.engine", equalTo("STREAMING")));
    }
}
