package dev.outboxstock.order.messaging;

import static dev.outboxstock.order.CustomerOrders.placeOneOfEach;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.TopicReader;
import dev.outboxstock.order.CustomerOrders;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.StockOutcomeProducer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inventory's outcomes, produced as inventory's relay would, move orders through their life. */
@QuarkusTest
@OrderTestResource
class StockOutcomeConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    private StockOutcomeProducer outcomes;
    private OrdersDatabase database;

    @BeforeEach
    void connect() {
        outcomes = new StockOutcomeProducer(stack.kafka().orElseThrow().bootstrapServers());
        database = new OrdersDatabase(stack);
    }

    @AfterEach
    void disconnect() {
        outcomes.close();
    }

    /**
     * Applied a second time, a copy would not fit its order (a reserved line cannot be reserved again) and would be
     * dead-lettered: the dead-letter topic shows whether it was. A copy right behind the first (likely in its poll)
     * and one after the order was confirmed (in a later poll).
     */
    @Test
    void anOrderIsConfirmedWhenEveryLineGotItsStockAndADuplicateOutcomeChangesNothing() throws Exception {
        UUID order = placeOneOfEach("apple", "pear");
        UUID appleTaken = UUID.randomUUID();

        outcomes.sendStockTaken(appleTaken, order, "apple");
        outcomes.sendStockTaken(appleTaken, order, "apple");
        outcomes.sendStockTaken(UUID.randomUUID(), order, "pear");
        awaitStatus(order, "CONFIRMED");
        outcomes.sendStockTaken(appleTaken, order, "apple");

        assertThat(deadLettersAbout(order)).isEmpty();
        assertThat(status(order)).isEqualTo("CONFIRMED");
        assertThat(lineStatuses(order)).containsExactly("RESERVED", "RESERVED");
    }

    @Test
    void aRefusedLineRejectsTheOrderAndGivesBackWhatTheOtherLinesTook() throws Exception {
        UUID order = placeOneOfEach("apple", "pear");

        outcomes.sendStockTaken(UUID.randomUUID(), order, "apple");
        outcomes.send(
                UUID.randomUUID(),
                StockDecreaseRejected.TYPE,
                order,
                "{\"orderId\":\"%s\",\"productId\":\"pear\",\"quantity\":1,\"reason\":\"INSUFFICIENT_STOCK\"}");

        awaitStatus(order, "REJECTED");
        assertThat(lineStatuses(order)).containsExactly("RELEASE_REQUESTED", "REJECTED");
        assertThat(releaseRequests(order)).containsExactly("apple");
        CustomerOrders.read(order)
                .body("rejectionReason", org.hamcrest.Matchers.equalTo("INSUFFICIENT_STOCK: pear"))
                .body("lines[1].rejectionReason", org.hamcrest.Matchers.equalTo("INSUFFICIENT_STOCK"));

        outcomes.send(
                UUID.randomUUID(),
                StockReleased.TYPE,
                order,
                "{\"orderId\":\"%s\",\"productId\":\"apple\",\"quantity\":1}");
        await().atMost(TIMEOUT).until(() -> lineStatuses(order).get(0).equals("RELEASED"));
        assertThat(deadLettersAbout(order)).isEmpty();
    }

    @Test
    void stockTakenAfterACancellationIsGivenBack() throws Exception {
        UUID order = placeOneOfEach("apple");
        CustomerOrders.cancel(order).statusCode(200);

        outcomes.sendStockTaken(UUID.randomUUID(), order, "apple");

        await().atMost(TIMEOUT).until(() -> releaseRequests(order).equals(List.of("apple")));
        assertThat(lineStatuses(order)).containsExactly("RELEASE_REQUESTED");
        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(deadLettersAbout(order)).isEmpty();
    }

    @Test
    void anOutcomeTheOrderCannotTakeIsDeadLetteredAndLaterOutcomesStillApply() throws Exception {
        UUID order = placeOneOfEach("apple", "pear");
        UUID noSuchOrder = UUID.randomUUID();
        outcomes.sendStockTaken(UUID.randomUUID(), noSuchOrder, "apple");
        outcomes.sendStockTaken(UUID.randomUUID(), order, "kiwi");
        outcomes.send(UUID.randomUUID(), StockDecreased.TYPE, order, "not json");
        outcomes.sendStockTaken(UUID.randomUUID(), order, "apple");
        outcomes.sendStockTaken(UUID.randomUUID(), order, "pear");

        awaitStatus(order, "CONFIRMED");
        assertThat(deadLettersAbout(order))
                .as("the line the order does not have and the record that is not JSON, nothing else")
                .map(record ->
                        HeaderText.of(record.headers(), "dead-letter-reason").orElseThrow())
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("no line for kiwi"),
                        reason -> assertThat(reason).contains("not JSON"));
        ConsumerRecord<String, String> noOrder = TopicReader.readUntil(
                        stack.kafka().orElseThrow().bootstrapServers(),
                        StockOutcomeTopic.DEAD_LETTER,
                        read -> read.stream()
                                .anyMatch(record -> noSuchOrder.toString().equals(record.key())),
                        TIMEOUT)
                .stream()
                .filter(record -> noSuchOrder.toString().equals(record.key()))
                .findFirst()
                .orElseThrow();
        assertThat(HeaderText.of(noOrder.headers(), "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("No order " + noSuchOrder));
    }

    /**
     * What was dead-lettered about this order, once everything sent about it so far has been consumed. A record sure
     * to be dead-lettered (not JSON) is sent last, keyed by the order, and awaited on the dead-letter topic: dead
     * letters are sent after their batch commits, in offset order, one batch after the other, so one about an earlier
     * outcome is on the topic before it. (Reading right after the order changed would race those sends.) The probe
     * itself is left out.
     */
    private List<ConsumerRecord<String, String>> deadLettersAbout(UUID order) throws Exception {
        String probe = UUID.randomUUID().toString();
        outcomes.send(UUID.fromString(probe), StockDecreased.TYPE, order, "probe: not json");
        Predicate<ConsumerRecord<String, String>> isProbe =
                record -> HeaderText.of(record.headers(), EventHeaders.EVENT_ID).equals(Optional.of(probe));
        return TopicReader.readUntil(
                        stack.kafka().orElseThrow().bootstrapServers(),
                        StockOutcomeTopic.DEAD_LETTER,
                        read -> read.stream().anyMatch(isProbe),
                        TIMEOUT)
                .stream()
                .filter(record -> order.toString().equals(record.key()))
                .filter(isProbe.negate())
                .toList();
    }

    private void awaitStatus(UUID order, String status) {
        await().atMost(TIMEOUT).until(() -> status(order).equals(status));
    }

    private String status(UUID order) {
        return (String) database.query("SELECT status FROM customer_order WHERE id = ?", order)
                .get(0)
                .get(0);
    }

    private List<String> lineStatuses(UUID order) {
        return database.query("SELECT status FROM order_line WHERE order_id = ? ORDER BY line_number", order).stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    private List<String> releaseRequests(UUID order) {
        return database
                .query(
                        "SELECT aggregateid FROM outbox_event WHERE type = ? AND payload ->> 'orderId' = ?"
                                + " ORDER BY aggregateid",
                        StockReleaseRequested.TYPE,
                        order.toString())
                .stream()
                .map(row -> (String) row.get(0))
                .toList();
    }
}
