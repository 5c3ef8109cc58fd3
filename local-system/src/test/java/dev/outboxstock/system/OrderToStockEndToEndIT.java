package dev.outboxstock.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.TopicReader;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.system.client.OrderClient.Line;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Everything real and separate: PostgreSQL, Kafka, and the three services as their own JVMs. */
class OrderToStockEndToEndIT {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSystem system;
    private static OrderClient orders;
    private static InventoryClient inventory;

    @BeforeAll
    static void connect() {
        system = SharedSystem.get();
        orders = system.customerOrders();
        inventory = system.stockAdminInventory();
    }

    @Test
    void anOrderDecreasesEachProductsStockByExactlyTheOrderedQuantity() {
        String apple = "apple-" + UUID.randomUUID();
        String pear = "pear-" + UUID.randomUUID();
        inventory.setStock(apple, 10);
        inventory.setStock(pear, 20);

        OrderClient.Order order = orders.placeOrder(List.of(new Line(apple, 3), new Line(pear, 4)));

        await().atMost(SETTLE_TIMEOUT).untilAsserted(() -> {
            assertThat(inventory.available(apple)).isEqualTo(7);
            assertThat(inventory.available(pear)).isEqualTo(16);
        });
        await().atMost(SETTLE_TIMEOUT)
                .until(() -> orders.findOrder(order.id()).orElseThrow().status().equals("CONFIRMED"));
        assertThat(orders.findOrder(order.id()).orElseThrow().lines())
                .extracting(line -> line.productId() + ":" + line.quantity() + ":" + line.status())
                .containsExactly(apple + ":3:RESERVED", pear + ":4:RESERVED");
    }

    @Test
    void everyStockRecordIsKeyedByItsProductId() {
        String plum = "plum-" + UUID.randomUUID();
        String fig = "fig-" + UUID.randomUUID();
        OrderClient.Order order = orders.placeOrder(List.of(new Line(plum, 1), new Line(fig, 2)));

        List<ConsumerRecord<String, String>> records = recordsOf(order, StockTopic.NAME, 2);

        assertThat(records)
                .allSatisfy(record -> assertThat(record.key())
                        .isEqualTo(json(record).get("productId").asText()));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(plum, fig);
    }

    @Test
    void inventoryPublishesTheOutcomeOfEveryLineKeyedByOrderId() {
        String kiwi = "kiwi-" + UUID.randomUUID();
        inventory.setStock(kiwi, 1);
        OrderClient.Order order = orders.placeOrder(List.of(new Line(kiwi, 1), new Line("unknown-" + kiwi, 1)));

        // Taken, refused, and then the taken units given back because the order was rejected.
        List<ConsumerRecord<String, String>> outcomes = recordsOf(order, StockOutcomeTopic.NAME, 3);

        assertThat(outcomes)
                .extracting(ConsumerRecord::key)
                .containsOnly(order.id().toString());
        assertThat(outcomes)
                .extracting(record ->
                        HeaderText.of(record.headers(), EventHeaders.EVENT_TYPE).orElseThrow())
                .containsExactlyInAnyOrder(StockDecreased.TYPE, StockDecreaseRejected.TYPE, StockReleased.TYPE);
    }

    /** The records of {@code topic} about this order, once there are at least {@code count} of them. */
    private static List<ConsumerRecord<String, String>> recordsOf(OrderClient.Order order, String topic, int count) {
        return TopicReader.readUntil(
                        system.stack().kafka().orElseThrow().bootstrapServers(),
                        topic,
                        read -> read.stream()
                                        .filter(record -> isFor(record, order))
                                        .count()
                                >= count,
                        SETTLE_TIMEOUT)
                .stream()
                .filter(record -> isFor(record, order))
                .toList();
    }

    /**
     * The topics are shared with the other tests of the run, among them the console's browser test, which puts
     * garbage on them: a record that is no JSON is no record of this order.
     */
    private static boolean isFor(ConsumerRecord<String, String> record, OrderClient.Order order) {
        try {
            return order.id()
                    .toString()
                    .equals(JSON.readTree(record.value()).path("orderId").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
