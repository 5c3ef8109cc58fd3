package dev.outboxstock.relay.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.outboxstock.localstack.testing.ServiceEndpoints;
import io.restassured.path.json.JsonPath;
import java.time.Duration;

/** The relay a {@code @QuarkusTest} runs, seen through its health and metrics endpoints. */
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

    /** The relay's readiness check, whatever its status: {@code checks[0].data.role}, {@code ...engine}, ... */
    public static JsonPath readiness() {
        return given().when().get(ServiceEndpoints.READINESS).then().extract().jsonPath();
    }

    /** A metric of the relay's Prometheus metrics, every series summed; 0 when it has none. */
    public static double metric(String name) {
        return ServiceEndpoints.sum(
                given().when().get(ServiceEndpoints.METRICS).then().extract().asString(), name);
    }
}
