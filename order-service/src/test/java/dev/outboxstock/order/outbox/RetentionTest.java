package dev.outboxstock.order.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.StockOutcomeProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Outbox rows and processed event ids are kept for their retention period, then removed by the sweeps; here the
 * periods are seconds.
 */
@QuarkusTest
@OrderTestResource
@TestProfile(RetentionTest.ShortRetention.class)
class RetentionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @Test
    void outboxRowsAndProcessedEventIdsGoAfterTheirRetentionPeriod() throws Exception {
        OrdersDatabase database = new OrdersDatabase(stack);
        UUID order = CustomerOrders.placeOneOfEach("pecan");
        UUID outcome = UUID.randomUUID();
        StockOutcomeProducer.sendStockTaken(stack, outcome, order, "pecan");
        // The outcome's effect, which stays: its id may already be forgotten by the time a slow poll looks for it.
        await().atMost(TIMEOUT)
                .until(() -> database.number(
                                "SELECT count(*) FROM order_line WHERE order_id = ? AND status = 'RESERVED'", order)
                        == 1);

        await().atMost(TIMEOUT)
                .until(() -> database.number(
                                        "SELECT count(*) FROM outbox_event WHERE payload ->> 'orderId' = ?",
                                        order.toString())
                                == 0
                        && database.number("SELECT count(*) FROM processed_event WHERE event_id = ?", outcome) == 0);
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains(
                        "outbox_rows_removed_total", "inbox_processed_events_removed_total", "outbox_table_size_bytes");
    }

    public static class ShortRetention implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "outbox.retention.period", "2s",
                    "outbox.retention.sweep-interval", "500ms",
                    "inbox.retention.period", "2s",
                    "inbox.retention.sweep-interval", "500ms");
        }
    }
}
