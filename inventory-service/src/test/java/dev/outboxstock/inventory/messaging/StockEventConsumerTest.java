package dev.outboxstock.inventory.messaging;

import static dev.outboxstock.inventory.StockEventProducer.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.inventory.StockEventTestBase;
import dev.outboxstock.localstack.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@InventoryTestResource
class StockEventConsumerTest extends StockEventTestBase {

    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The copy may come from order-service asking again because the answer never reached it: so it is answered. It
     * may come after the inbox forgot the first ({@code inbox.retention.period}, 7 days), redriven from the dead-letter
     * topic (kept 30 days): it is claimed again, and the first's movement is what says it was applied.
     */
    @ParameterizedTest(name = "the inbox forgot the first: {0}")
    @ValueSource(booleans = {false, true})
    void appliesADecreaseOnceWhenItArrivesTwiceAndAnswersTheCopyWithTheSameAnswer(boolean forgotten) {
        String product = newProduct("ev", 10);
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        List<Object> answer = decreaseAndAwaitAnswer(eventId, orderId, product, 3);
        if (forgotten) {
            database.forgetAnsweredRequest(eventId, orderId);
        }
        await(events.decrease(eventId, orderId, product, 3));
        // After the copy, in its partition: once it is processed, so is the copy.
        sendAndAwaitProcessed(marker -> events.decrease(marker, UUID.randomUUID(), product, 1));

        assertThat(database.available(product)).isEqualTo(10 - 3 - 1);
        assertThat(database.query(
                        "SELECT kind, outcome, available_after FROM stock_movement WHERE event_id = ?", eventId))
                .containsExactly(List.of("DECREASE", "APPLIED", 7));
        assertThat(outcomeTypesOf(orderId)).containsExactly(StockDecreased.TYPE);
        List<Object> answerAgain = answerTo(orderId);
        assertThat(answerAgain.get(0)).as("the same answer id").isEqualTo(answer.get(0));
        assertThat((Timestamp) answerAgain.get(1)).as("written again").isAfter((Timestamp) answer.get(1));
        assertThat(database.number("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId))
                .as("remembered (again)")
                .isOne();
    }

    /**
     * A refused decrease is answered again with its refusal, even once the units it wanted are there: the order was
     * told, and stock taken now would be taken for an order that does not wait for it.
     */
    @Test
    void aRefusedDecreaseArrivingAfterTheInboxForgotItIsRefusedAgainAsTheFirstTime() {
        String product = newProduct("ev", 2);
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        List<Object> answer = decreaseAndAwaitAnswer(eventId, orderId, product, 3);
        database.forgetAnsweredRequest(eventId, orderId);
        await(events.replenish(UUID.randomUUID(), product, 10));
        await(events.decrease(eventId, orderId, product, 3));
        sendAndAwaitProcessed(marker -> events.replenish(marker, product, 1));

        assertThat(database.available(product)).isEqualTo(2 + 10 + 1);
        assertThat(database.query("SELECT outcome, reason FROM stock_movement WHERE event_id = ?", eventId))
                .containsExactly(List.of("REJECTED", StockDecreaseRejected.RejectionReason.INSUFFICIENT_STOCK.name()));
        assertThat(outcomePayloadsOf(orderId))
                .singleElement()
                .asString()
                .contains(StockDecreaseRejected.RejectionReason.INSUFFICIENT_STOCK.name());
        assertThat((Timestamp) answerTo(orderId).get(1)).as("answered again").isAfter((Timestamp) answer.get(1));
    }

    @Test
    void rejectsADecreaseBeyondTheAvailableStockAndSaysWhy() {
        String product = newProduct("ev", 2);
        UUID orderId = UUID.randomUUID();

        sendAndAwaitProcessed(tooMany -> events.decrease(tooMany, orderId, product, 3));

        assertThat(database.available(product)).isEqualTo(2);
        assertThat(outcomeTypesOf(orderId)).containsExactly(StockDecreaseRejected.TYPE);
        assertThat(outcomePayloadsOf(orderId).get(0))
                .contains(StockDecreaseRejected.RejectionReason.INSUFFICIENT_STOCK.name());
    }

    @Test
    void rejectsADecreaseOfAnUnknownProductAsABusinessOutcomeNotADeadLetter() {
        UUID orderId = UUID.randomUUID();

        sendAndAwaitProcessed(unknown -> events.decrease(unknown, orderId, "never-stocked-" + UUID.randomUUID(), 1));

        assertThat(outcomePayloadsOf(orderId))
                .singleElement()
                .asString()
                .contains(StockDecreaseRejected.RejectionReason.UNKNOWN_PRODUCT.name());
    }

    @Test
    void releasesAndReplenishesIdempotently() {
        String product = newProduct("ev", 5);
        UUID orderId = UUID.randomUUID();
        UUID release = UUID.randomUUID();
        UUID replenish = UUID.randomUUID();

        await(events.release(release, orderId, product, 2));
        await(events.release(release, orderId, product, 2));
        await(events.replenish(replenish, product, 10));
        await(events.replenish(replenish, product, 10));
        String newProduct = "replenished-" + UUID.randomUUID();
        UUID create = UUID.randomUUID();
        await(events.replenish(create, newProduct, 4));
        // After the duplicates, in their partition: once it is applied, so is every copy before it.
        UUID marker = UUID.randomUUID();
        await(events.replenish(marker, product, 1));

        awaitProcessed(create);
        awaitProcessed(marker);
        assertThat(database.available(product)).isEqualTo(5 + 2 + 10 + 1);
        assertThat(database.available(newProduct)).isEqualTo(4);
        assertThat(outcomeTypesOf(orderId)).containsExactly(StockReleased.TYPE);
    }

    @Test
    void aReleaseForAProductInventoryNoLongerKnowsGivesTheUnitsBackAndAnswers() {
        String product = "forgotten-" + UUID.randomUUID();
        UUID orderId = UUID.randomUUID();

        sendAndAwaitProcessed(release -> events.release(release, orderId, product, 3));

        assertThat(database.available(product)).isEqualTo(3);
        assertThat(outcomeTypesOf(orderId)).containsExactly(StockReleased.TYPE);
    }

    /**
     * A failure no whitelist foresees (here a table gone: SQLState 42P01; in production a revoked grant, a read-only
     * database after a failover) must not dead-letter a valid request: its order would wait forever. The partition
     * waits, the service says it is not ready, and the request is applied once the cause is gone.
     */
    @Test
    void aValidRecordFailingForAReasonThatGoesAwayWaitsInsteadOfBeingDeadLettered() {
        String product = newProduct("ev", 10);
        UUID decrease = UUID.randomUUID();
        database.execute("ALTER TABLE stock_movement RENAME TO stock_movement_away");
        try {
            await(events.decrease(decrease, UUID.randomUUID(), product, 2));

            await().atMost(APPLY_TIMEOUT)
                    .untilAsserted(() -> given().get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body("checks.find { it.name == 'inbox' }.status", equalTo("DOWN")));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            database.execute("ALTER TABLE stock_movement_away RENAME TO stock_movement");
        }

        awaitProcessed(decrease);
        assertThat(database.available(product)).isEqualTo(8);
        await().atMost(APPLY_TIMEOUT)
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertThat(TopicReader.readToEnd(bootstrapServers(), StockTopic.DEAD_LETTER))
                .noneMatch(record -> isAbout(record, product));
    }

    @Test
    void deadLettersRecordsThatCanNeverBeAppliedAndKeepsThePartitionFlowing() {
        String product = newProduct("ev", 10);
        Map<String, String> decreaseHeaders = Map.of(
                EventHeaders.EVENT_ID,
                UUID.randomUUID().toString(),
                EventHeaders.EVENT_TYPE,
                StockDecreaseRequested.TYPE);
        List<String> poison = List.of(
                "not json at all",
                "{\"orderId\":\"" + UUID.randomUUID() + "\",\"productId\":\"" + product + "\",\"quantity\":0}",
                "{\"orderId\":\"" + UUID.randomUUID() + "\",\"productId\":\"" + product + "\"}",
                "[1,2,3]");
        for (String value : poison) {
            await(events.raw(
                    product,
                    value,
                    Map.of(
                            EventHeaders.EVENT_ID,
                            UUID.randomUUID().toString(),
                            EventHeaders.EVENT_TYPE,
                            StockDecreaseRequested.TYPE)));
        }
        await(events.raw(
                product,
                "{}",
                Map.of(EventHeaders.EVENT_ID, UUID.randomUUID().toString(), EventHeaders.EVENT_TYPE, "SomethingElse")));
        await(events.raw(product, "{}", Map.of(EventHeaders.EVENT_TYPE, StockDecreaseRequested.TYPE)));
        await(events.raw(
                "another-key",
                "{\"orderId\":\"" + UUID.randomUUID() + "\",\"productId\":\"" + product + "\",\"quantity\":1}",
                decreaseHeaders));
        sendAndAwaitProcessed(valid -> events.decrease(valid, UUID.randomUUID(), product, 4));

        assertThat(database.available(product)).isEqualTo(6);
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.readUntil(
                bootstrapServers(),
                StockTopic.DEAD_LETTER,
                read -> read.stream().filter(record -> isAbout(record, product)).count() >= poison.size() + 3,
                APPLY_TIMEOUT);
        assertThat(deadLetters.stream().filter(record -> isAbout(record, product)))
                .allSatisfy(record -> assertThat(record.headers().lastHeader("dead-letter-reason"))
                        .isNotNull());
    }

    private String bootstrapServers() {
        return stack.kafka().orElseThrow().bootstrapServers();
    }

    private static boolean isAbout(ConsumerRecord<String, String> record, String product) {
        return product.equals(record.key()) || String.valueOf(record.value()).contains(product);
    }

    /** Sends the event made with a new event id, and waits until inventory has processed it. */
    private void sendAndAwaitProcessed(Function<UUID, Future<RecordMetadata>> eventWithId) {
        UUID eventId = UUID.randomUUID();
        await(eventWithId.apply(eventId));
        awaitProcessed(eventId);
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(APPLY_TIMEOUT)
                .until(() -> database.number("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
    }

    /** Sends a decrease, waits until inventory has processed it, and returns the id and write time of its answer. */
    private List<Object> decreaseAndAwaitAnswer(UUID eventId, UUID orderId, String product, int quantity) {
        await(events.decrease(eventId, orderId, product, quantity));
        awaitProcessed(eventId);
        return answerTo(orderId);
    }

    /** The id and write time of the one answer about this order. */
    private List<Object> answerTo(UUID orderId) {
        return database.query(
                        "SELECT id, created_at FROM outbox_event WHERE aggregatetype = ? AND aggregateid = ?",
                        StockOutcomeTopic.AGGREGATE_TYPE,
                        orderId.toString())
                .get(0);
    }

    private List<String> outcomeTypesOf(UUID orderId) {
        return outcomesOf(orderId, "type");
    }

    private List<String> outcomePayloadsOf(UUID orderId) {
        return outcomesOf(orderId, "payload::text");
    }

    /** This column of each answer about this order, the oldest first. */
    private List<String> outcomesOf(UUID orderId, String column) {
        return database
                .query(
                        "SELECT " + column
                                + " FROM outbox_event WHERE aggregatetype = ? AND aggregateid = ? ORDER BY created_at",
                        StockOutcomeTopic.AGGREGATE_TYPE,
                        orderId.toString())
                .stream()
                .map(row -> (String) row.get(0))
                .toList();
    }
}
