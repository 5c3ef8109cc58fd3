package dev.outboxstock.order.service;

import static dev.outboxstock.order.CustomerOrders.placeOneOfEach;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.StockOutcomeProducer;
import dev.outboxstock.token.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Orders inventory never answers: their requests are sent again with the same event ids, and past the limit the
 * order is rejected and what its lines took is given back. Here no inventory runs, and the limits are seconds.
 */
@QuarkusTest
@OrderTestResource
@TestProfile(OrderReconciliationTest.ShortLimits.class)
class OrderReconciliationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @Test
    void aLineLeftWithoutAnAnswerIsAskedAboutAgainWithTheSameEventId() {
        OrdersDatabase database = new OrdersDatabase(stack);
        UUID order = placeOneOfEach("fig");
        List<Object> first = request(database, order, StockDecreaseRequested.TYPE);

        await().atMost(TIMEOUT)
                .until(() -> !request(database, order, StockDecreaseRequested.TYPE)
                        .get(1)
                        .equals(first.get(1)));

        List<Object> again = request(database, order, StockDecreaseRequested.TYPE);
        assertThat(again.get(0)).as("event id").isEqualTo(first.get(0));
        assertThat((Timestamp) again.get(1)).as("written").isAfter((Timestamp) first.get(1));
        assertThat(metric("orders_reconciliation_lines_asked_again_total")).isPositive();
    }

    @Test
    void anOrderPendingTooLongIsRejectedAndWhatItsLinesTookIsGivenBack() throws Exception {
        OrdersDatabase database = new OrdersDatabase(stack);
        UUID order = placeOneOfEach("fig", "date");
        StockOutcomeProducer.sendStockTaken(stack, UUID.randomUUID(), order, "fig");

        await().atMost(TIMEOUT).until(() -> status(database, order).equals("REJECTED"));

        assertThat(given().auth()
                        .oauth2(TestTokens.customer())
                        .get("/orders/{id}", order)
                        .then()
                        .extract()
                        .<String>path("rejectionReason"))
                .startsWith("TIMED_OUT");
        assertThat(lineStatuses(database, order)).containsExactly("RELEASE_REQUESTED", "PENDING");
        assertThat(request(database, order, StockReleaseRequested.TYPE)).isNotEmpty();
        assertThat(metric("orders_reconciliation_orders_timed_out_total")).isPositive();
    }

    /** The id and write time of the order's outbox row of this type, or an empty list. */
    private static List<Object> request(OrdersDatabase database, UUID order, String type) {
        return database
                .query(
                        "SELECT id, created_at FROM outbox_event WHERE type = ? AND payload ->> 'orderId' = ?",
                        type,
                        order.toString())
                .stream()
                .findFirst()
                .orElse(List.of());
    }

    private static String status(OrdersDatabase database, UUID order) {
        return (String) database.query("SELECT status FROM customer_order WHERE id = ?", order)
                .get(0)
                .get(0);
    }

    private static List<String> lineStatuses(OrdersDatabase database, UUID order) {
        return database.query("SELECT status FROM order_line WHERE order_id = ? ORDER BY line_number", order).stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    private static double metric(String name) {
        return ServiceEndpoints.sum(
                given().get(ServiceEndpoints.METRICS).then().extract().asString(), name);
    }

    public static class ShortLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "orders.reconciliation.interval", "500ms",
                    "orders.reconciliation.ask-again-after", "2s",
                    "orders.reconciliation.reject-after", "6s");
        }
    }
}
