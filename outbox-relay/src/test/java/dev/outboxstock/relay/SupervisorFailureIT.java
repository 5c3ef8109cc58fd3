package dev.outboxstock.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.relay.testing.RelayProcess;
import dev.outboxstock.relay.testing.RelaySchema;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failure the supervisor meets outside the database (here an engine property Debezium refuses when the engine is
 * built, {@code relay.debezium.record.processing.threads=0}) does not end it: the replica reports itself not ready with
 * the reason, counts the failure, tries again after a growing pause, and stays live. Before, the supervisor's thread
 * ended at the first one and the replica stood by, ready and live, streaming nothing.
 */
class SupervisorFailureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String FAILURES = "relay_errors_total{where=\"supervisor\"}";

    private LocalStack stack;
    private ServiceProcess relay;

    @BeforeEach
    void startARelayWithAnEnginePropertyDebeziumRefuses() {
        stack = LocalStack.builder().databases("orders").start();
        RelaySchema.createIn(stack);
        relay = RelayProcess.launch(
                stack, "relay-refused-property", Map.of("relay.debezium.record.processing.threads", "0"));
    }

    @AfterEach
    void stopStack() {
        stack.close();
    }

    @Test
    void survivesAFailureOutsideTheDatabaseReportsItAndTriesAgainWithBackoff() {
        await().atMost(TIMEOUT).until(() -> RelayProcess.metric(relay, FAILURES) >= 1);
        double failures = RelayProcess.metric(relay, FAILURES);
        await().atMost(TIMEOUT).until(() -> RelayProcess.metric(relay, FAILURES) >= failures + 1);
        long again = System.nanoTime();
        await().atMost(TIMEOUT).until(() -> RelayProcess.metric(relay, FAILURES) >= failures + 2);
        long andAgain = System.nanoTime();

        var readiness = ServiceEndpoints.get(relay, ServiceEndpoints.READINESS);
        assertThat(readiness.statusCode()).isEqualTo(503);
        JsonPath ready = JsonPath.from(readiness.body());
        assertThat(ready.getString("checks[0].data.supervisor")).contains("Number of cores cannot be negative or zero");
        assertThat(ready.getString("checks[0].data.role")).isEqualTo("STANDBY");
        assertThat(ServiceEndpoints.get(relay, ServiceEndpoints.LIVENESS).statusCode())
                .isEqualTo(200);
        // relay.ha.restart-delay (2 s) after the first failure, doubled after each next one: at least 4 s here.
        assertThat(Duration.ofNanos(andAgain - again)).isGreaterThanOrEqualTo(Duration.ofMillis(3_500));
    }
}
