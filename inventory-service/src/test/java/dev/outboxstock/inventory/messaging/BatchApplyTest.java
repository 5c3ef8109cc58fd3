package dev.outboxstock.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.consumer.EventSource;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.inventory.PartitionedProducts;
import dev.outboxstock.inventory.StockEventTestBase;
import dev.outboxstock.inventory.service.StockChange;
import dev.outboxstock.inventory.service.StockResult;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.DecodingSlot;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A flash sale's burst on one product: applied a poll at a time, in order, each event once, never oversold. */
@QuarkusTest
@InventoryTestResource
class BatchApplyTest extends StockEventTestBase {

    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(60);

    private long offsets;

    @Test
    void aBurstOnOneProductTakesTheStockInOffsetOrderInFewTransactionsAndRefusesTheRest() {
        int stock = 30;
        int orders = 200;
        String product = newProduct("sale", stock);
        List<UUID> requests =
                IntStream.range(0, orders).mapToObj(i -> UUID.randomUUID()).toList();
        requests.forEach(request -> events.decrease(request, UUID.randomUUID(), product, 1));
        events.flush();

        awaitMovements(product, orders);
        assertThat(database.available(product)).isZero();
        List<List<Object>> byOffset = database.query(
                "SELECT m.outcome, m.available_after FROM stock_movement m JOIN processed_event p"
                        + " ON p.event_id = m.event_id WHERE m.product_id = ? ORDER BY p.source_offset",
                product);
        List<List<Object>> expected = new ArrayList<>();
        IntStream.range(0, orders)
                .forEach(i ->
                        expected.add(i < stock ? List.of("APPLIED", stock - 1 - i) : Arrays.asList("REJECTED", null)));
        assertThat(byOffset)
                .as("the first %d requests take one unit each, the rest are refused", stock)
                .isEqualTo(expected);
        long transactions = database.number(
                "SELECT count(DISTINCT p.processed_at) FROM processed_event p JOIN stock_movement m"
                        + " ON m.event_id = p.event_id WHERE m.product_id = ?",
                product);
        assertThat(transactions).as("transactions for %d events", orders).isLessThan(orders / 4);
        assertThat(database.number(
                        "SELECT count(*) FROM outbox_event WHERE aggregatetype = ? AND payload ->> 'productId' = ?",
                        StockOutcomeTopic.AGGREGATE_TYPE,
                        product))
                .as("one answer per request")
                .isEqualTo(orders);
    }

    /**
     * A copy in the same batch is answered by the first, not again: answered twice, the answer would be written twice
     * under its one id (the row replaced), and the relay would publish both. The outbox's primary key keeps one row
     * either way, so what is counted is the writes in the write-ahead log, which is what the relay reads.
     */
    @Test
    void aCopyInTheSameBatchChangesNothingAndIsNotAnsweredTwice() {
        String product = newProduct("sale", 10);
        StockChange request = decrease(product, 3);
        StockChange other = decrease(product, 1);
        List<StockResult> results;
        List<String> answerWrites;
        try (DecodingSlot slot = DecodingSlot.create(database, "batch_apply_answers")) {
            results = stockService.apply(List.of(request, copyOf(request), other));
            String orderId = request.orderId().orElseThrow().toString();
            answerWrites = slot.outboxChanges().stream()
                    .filter(change -> change.contains(orderId))
                    .toList();
        }

        assertThat(results).containsExactly(StockResult.APPLIED, StockResult.DUPLICATE, StockResult.APPLIED);
        assertThat(database.available(product)).isEqualTo(10 - 3 - 1);
        assertThat(database.number("SELECT count(*) FROM stock_movement WHERE event_id = ?", request.eventId()))
                .isOne();
        assertThat(answerWrites)
                .singleElement()
                .asString()
                .startsWith("table public.outbox_event: INSERT:")
                .contains(StockDecreased.TYPE);
    }

    /**
     * A copy claimed again because the inbox forgot it must not fail its batch (a unique violation would abort the
     * transaction of all the others), nor count in it: the others are applied as if it were not there. Here the
     * decrease after it fits only without it.
     */
    @Test
    void aCopyTheInboxForgotChangesNothingInItsBatchAndTheOthersApplyWithoutIt() {
        String product = newProduct("sale", 10);
        StockChange first = decrease(product, 3);
        stockService.apply(List.of(first));
        database.forgetAnsweredRequest(first.eventId(), first.orderId().orElseThrow());
        StockChange before = decrease(product, 2);
        StockChange after = decrease(product, 4);

        List<StockResult> results = stockService.apply(List.of(before, copyOf(first), after));

        assertThat(results).containsExactly(StockResult.APPLIED, StockResult.DUPLICATE, StockResult.APPLIED);
        assertThat(database.available(product)).isEqualTo(10 - 3 - 2 - 4);
        assertThat(database.query(
                        "SELECT event_id, available_after FROM stock_movement WHERE product_id = ? AND event_id IS"
                                + " NOT NULL ORDER BY id",
                        product))
                .containsExactly(
                        List.of(first.eventId(), 7), List.of(before.eventId(), 5), List.of(after.eventId(), 1));
        assertThat(database.number(
                        "SELECT count(*) FROM processed_event WHERE event_id IN (?, ?, ?)",
                        first.eventId(),
                        before.eventId(),
                        after.eventId()))
                .as("all three remembered")
                .isEqualTo(3);
        assertThat(database.query(
                        "SELECT type FROM outbox_event WHERE aggregateid = ?",
                        first.orderId().orElseThrow().toString()))
                .as("the copy answered again")
                .containsExactly(List.of(StockDecreased.TYPE));
    }

    /**
     * A failure only one record causes (here units beyond what a level can hold) must not hold back or dead-letter
     * the others of its batch: the batch is applied again one record at a time, and only that record is
     * dead-lettered.
     */
    @Test
    void aRecordThatCanNeverBeAppliedIsIsolatedFromItsBatch() {
        List<String> samePartition = PartitionedProducts.spreadOver(
                LocalStack.DEFAULT_PARTITIONS, LocalStack.DEFAULT_PARTITIONS + 1, "iso-" + UUID.randomUUID());
        String full = samePartition.get(0);
        String other = samePartition.get(LocalStack.DEFAULT_PARTITIONS);
        stockService.setAvailable(full, Integer.MAX_VALUE - 1);
        stockService.setAvailable(other, 10);
        UUID overflow = UUID.randomUUID();
        events.decrease(UUID.randomUUID(), UUID.randomUUID(), other, 1);
        events.replenish(overflow, full, 5);
        events.decrease(UUID.randomUUID(), UUID.randomUUID(), other, 1);
        events.replenish(UUID.randomUUID(), full, 1);
        events.flush();

        awaitMovements(other, 2);
        awaitMovements(full, 1);
        assertThat(database.available(other)).isEqualTo(8);
        assertThat(database.available(full)).isEqualTo(Integer.MAX_VALUE);
        ConsumerRecord<String, String> deadLetter = TopicReader.readUntil(
                        stack.kafka().orElseThrow().bootstrapServers(),
                        StockTopic.DEAD_LETTER,
                        read -> read.stream().anyMatch(record -> full.equals(record.key())),
                        APPLY_TIMEOUT)
                .stream()
                .filter(record -> full.equals(record.key()))
                .findFirst()
                .orElseThrow();
        assertThat(HeaderText.of(deadLetter.headers(), EventHeaders.EVENT_ID)).contains(overflow.toString());
        assertThat(HeaderText.of(deadLetter.headers(), "dead-letter-reason"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("would exceed"));
    }

    /** A request to take this many units, as a record at a new offset carries it. */
    private StockChange decrease(String product, int quantity) {
        return StockChange.of(
                new EventSource(UUID.randomUUID(), 0, offsets++),
                new StockDecreaseRequested(UUID.randomUUID(), product, quantity));
    }

    /** The same request, arriving again at a new offset. */
    private StockChange copyOf(StockChange change) {
        return new StockChange(
                new EventSource(change.eventId(), 0, offsets++),
                change.kind(),
                change.productId(),
                change.quantity(),
                change.orderId());
    }

    /** Waits until the product has this many movements caused by events. */
    private void awaitMovements(String product, int count) {
        await().atMost(APPLY_TIMEOUT)
                .until(() -> database.number(
                                "SELECT count(*) FROM stock_movement WHERE product_id = ? AND event_id IS NOT NULL",
                                product)
                        >= count);
    }
}
