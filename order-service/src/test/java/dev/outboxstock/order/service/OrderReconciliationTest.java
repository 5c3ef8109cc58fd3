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
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.StockOutcomeProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Orders inventory never answers: their requests are sent again with the same event ids, each pause twice the last,
 * and the orders wait, however long, since no hold time is set. Here no inventory runs, and the pauses are seconds.
 */
@QuarkusTest
@OrderTestResource
@TestProfile(OrderReconciliationTest.ShortPauses.class)
class OrderReconciliationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    /** Between a round's start, when it decides, and its transaction's, when the outbox row is written. */
    private static final Duration ROUND_SKEW = Duration.ofMillis(500);

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

    /**
     * Read from what was written: each send's outbox row and the next ask it scheduled. Pauses of 1, 2, 4 and 4 s
     * (the ceiling), each lengthened by at most a fifth: never one request per round.
     */
    @Test
    void eachPauseBeforeAskingAgainIsTwiceTheLastUpToTheCeiling() {
        OrdersDatabase database = new OrdersDatabase(stack);
        UUID order = placeOneOfEach("kiwi");
        Map<Integer, Duration> pauseAfterSend = new TreeMap<>();
        Map<Integer, Timestamp> sentAt = new TreeMap<>();

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Object> line = database.query(
                            "SELECT l.times_asked, l.next_ask_at, o.created_at FROM order_line l JOIN outbox_event o"
                                    + " ON o.payload ->> 'orderId' = CAST(l.order_id AS text) WHERE l.order_id = ?",
                            order)
                    .get(0);
            int send = (Integer) line.get(0);
            Timestamp sent = (Timestamp) line.get(2);
            sentAt.putIfAbsent(send, sent);
            pauseAfterSend.putIfAbsent(send, Duration.ofMillis(((Timestamp) line.get(1)).getTime() - sent.getTime()));
            return send >= 5;
        });

        assertPause(pauseAfterSend.get(1), Duration.ofSeconds(1));
        assertPause(pauseAfterSend.get(2), Duration.ofSeconds(2));
        assertPause(pauseAfterSend.get(3), Duration.ofSeconds(4));
        assertPause(pauseAfterSend.get(4), Duration.ofSeconds(4));
        assertThat(Duration.ofMillis(sentAt.get(5).getTime() - sentAt.get(1).getTime()))
                .as("from the first send to the fifth")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(11).minus(ROUND_SKEW));
    }

    @Test
    void anOrderWaitsForInventoryHoweverLongWhenNoHoldTimeIsSet() {
        OrdersDatabase database = new OrdersDatabase(stack);
        UUID order = placeOneOfEach("lime");
        database.execute(
                "UPDATE customer_order SET created_at = created_at - interval '3 days' WHERE id = '" + order + "'");

        // A round measured this order's age, and a later one began: the first one's rounds all ended.
        await().atMost(TIMEOUT)
                .until(() -> metric("orders_pending_oldest_age_seconds")
                        >= Duration.ofDays(3).toSeconds());
        await().atMost(TIMEOUT)
                .until(() -> metric("orders_pending_oldest_age_seconds")
                        >= Duration.ofDays(3).toSeconds() + 1);

        assertThat(status(database, order)).isEqualTo("PENDING");
        assertThat(metric("orders_reconciliation_orders_timed_out_total")).isZero();
    }

    /**
     * A release is asked about again on its own request's time, not its order's: asked for two days after the order was
     * placed (a cancel after a long wait), it is still asked about when its answer does not come.
     */
    @Test
    void aReleaseRequestedLongAfterItsOrderWasPlacedIsAskedAboutAgain() throws Exception {
        OrdersDatabase database = new OrdersDatabase(stack);
        UUID order = placeOneOfEach("plum", "pear");
        StockOutcomeProducer.sendStockTaken(stack, UUID.randomUUID(), order, "plum");
        await().atMost(TIMEOUT).until(() -> lineStatuses(database, order).get(0).equals("RESERVED"));
        database.execute(
                "UPDATE customer_order SET created_at = created_at - interval '2 days' WHERE id = '" + order + "'");
        database.execute("UPDATE order_line SET requested_at = requested_at - interval '2 days' WHERE order_id = '"
                + order + "'");

        CustomerOrders.cancel(order).statusCode(200);
        List<Object> release = request(database, order, StockReleaseRequested.TYPE);

        await().atMost(TIMEOUT)
                .until(() -> !request(database, order, StockReleaseRequested.TYPE)
                        .get(1)
                        .equals(release.get(1)));
        assertThat(database.number(
                        "SELECT times_asked FROM order_line WHERE product_id = 'plum' AND order_id = ?", order))
                .isGreaterThanOrEqualTo(2);
    }

    private static void assertPause(Duration measured, Duration expected) {
        assertThat(measured)
                .isBetween(
                        expected.minus(ROUND_SKEW),
                        expected.multipliedBy(6).dividedBy(5).plus(ROUND_SKEW));
    }

    /** The id and write time of the order's outbox row of this type, or an empty list. */
    static List<Object> request(OrdersDatabase database, UUID order, String type) {
        return database
                .query(
                        "SELECT id, created_at FROM outbox_event WHERE type = ? AND payload ->> 'orderId' = ?",
                        type,
                        order.toString())
                .stream()
                .findFirst()
                .orElse(List.of());
    }

    static String status(OrdersDatabase database, UUID order) {
        return (String) database.query("SELECT status FROM customer_order WHERE id = ?", order)
                .get(0)
                .get(0);
    }

    static List<String> lineStatuses(OrdersDatabase database, UUID order) {
        return database.query("SELECT status FROM order_line WHERE order_id = ? ORDER BY line_number", order).stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    static double metric(String name) {
        return ServiceEndpoints.sum(
                given().get(ServiceEndpoints.METRICS).then().extract().asString(), name);
    }

    public static class ShortPauses implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "orders.reconciliation.interval", "200ms",
                    "orders.reconciliation.ask-again-after", "1s",
                    "orders.reconciliation.ask-again-ceiling", "4s");
        }
    }
}
