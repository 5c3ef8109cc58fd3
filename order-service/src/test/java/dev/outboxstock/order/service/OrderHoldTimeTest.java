package dev.outboxstock.order.service;

import static dev.outboxstock.order.CustomerOrders.placeOneOfEach;
import static dev.outboxstock.order.service.OrderReconciliationTest.lineStatuses;
import static dev.outboxstock.order.service.OrderReconciliationTest.metric;
import static dev.outboxstock.order.service.OrderReconciliationTest.request;
import static dev.outboxstock.order.service.OrderReconciliationTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.StockReleaseRequested;
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
 * The business hold time, when one is set: an order still pending after it is rejected as timed out, counted as such,
 * and what its lines took is given back. Here no inventory runs, and the hold time is seconds.
 */
@QuarkusTest
@OrderTestResource
@TestProfile(OrderHoldTimeTest.ShortHoldTime.class)
class OrderHoldTimeTest {

    @InjectLocalStack
    LocalStack stack;

    @Test
    void anOrderPendingPastTheHoldTimeIsRejectedAndWhatItsLinesTookIsGivenBack() throws Exception {
        OrdersDatabase database = new OrdersDatabase(stack);
        UUID order = placeOneOfEach("fig", "date");
        StockOutcomeProducer.sendStockTaken(stack, UUID.randomUUID(), order, "fig");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> status(database, order).equals("REJECTED"));

        assertThat(CustomerOrders.read(order).extract().<String>path("rejectionReason"))
                .isEqualTo("TIMED_OUT: still pending after the hold time PT6S");
        assertThat(lineStatuses(database, order)).containsExactly("RELEASE_REQUESTED", "PENDING");
        assertThat(request(database, order, StockReleaseRequested.TYPE)).isNotEmpty();
        assertThat(metric("orders_reconciliation_orders_timed_out_total")).isEqualTo(1.0);
    }

    public static class ShortHoldTime implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "orders.reconciliation.interval", "500ms",
                    "orders.reconciliation.ask-again-after", "2s",
                    "orders.reconciliation.reject-after", "6s");
        }
    }
}
