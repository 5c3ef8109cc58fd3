package dev.outboxstock.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.inventory.PartitionedProducts;
import dev.outboxstock.inventory.StockEventProducer;
import dev.outboxstock.inventory.StockEventTestBase;
import dev.outboxstock.localstack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shows how the work is divided: a test trigger sleeps 50 ms after each history line's time is taken and before the
 * line is written (whether a batch writes many lines in one statement or not), so changes applied one after the
 * other are at least 50 ms apart, and changes closer than that ran at the same time.
 */
@QuarkusTest
@InventoryTestResource
class PartitionParallelismTest extends StockEventTestBase {

    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(120);
    private static final long SLEEP_MILLIS = 50;
    private static final int EVENTS_PER_PRODUCT = 10;

    private String prefix;

    @BeforeEach
    void slowDownTestProducts() {
        prefix = "slow-" + UUID.randomUUID();
        database.execute("CREATE OR REPLACE FUNCTION test_slow_down() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep("
                + SLEEP_MILLIS / 1000.0 + "); RETURN NEW; END $$ LANGUAGE plpgsql");
        database.execute("CREATE TRIGGER test_slow_down BEFORE INSERT ON stock_movement FOR EACH ROW"
                + " WHEN (NEW.product_id LIKE 'slow-%' AND NEW.kind = 'DECREASE') EXECUTE FUNCTION test_slow_down()");
    }

    @AfterEach
    void removeTrigger() {
        database.execute("DROP TRIGGER test_slow_down ON stock_movement");
        database.execute("DROP FUNCTION test_slow_down()");
    }

    @Test
    void partitionsAreProcessedInParallelAndEachPartitionOneChangeAtATimeInOffsetOrder() {
        List<String> products = PartitionedProducts.spreadOver(LocalStack.DEFAULT_PARTITIONS, 6, prefix);
        products.forEach(product -> stockService.setAvailable(product, 100));
        try (StockEventProducer events =
                new StockEventProducer(stack.kafka().orElseThrow().bootstrapServers())) {
            IntStream.range(0, EVENTS_PER_PRODUCT)
                    .forEach(i -> products.forEach(
                            product -> events.decrease(UUID.randomUUID(), UUID.randomUUID(), product, 1)));
            events.flush();
        }
        await().atMost(APPLY_TIMEOUT)
                .until(() -> database.number(
                                "SELECT count(*) FROM stock_movement WHERE product_id LIKE ? AND kind = 'DECREASE'",
                                prefix + "%")
                        == (long) products.size() * EVENTS_PER_PRODUCT);

        List<Change> changes = database
                .query(
                        "SELECT p.source_partition, p.source_offset, m.recorded_at FROM stock_movement m"
                                + " JOIN processed_event p ON p.event_id = m.event_id WHERE m.product_id LIKE ?",
                        prefix + "%")
                .stream()
                .map(row -> new Change((Integer) row.get(0), (Long) row.get(1), ((Timestamp) row.get(2)).toInstant()))
                .sorted(Comparator.comparing(Change::recordedAt))
                .toList();

        for (int partition = 0; partition < LocalStack.DEFAULT_PARTITIONS; partition++) {
            int current = partition;
            List<Change> ofPartition = changes.stream()
                    .filter(change -> change.partition() == current)
                    .toList();
            assertThat(ofPartition)
                    .as("partition %d in offset order", current)
                    .isSortedAccordingTo(Comparator.comparingLong(Change::offset));
            for (int i = 1; i < ofPartition.size(); i++) {
                assertThat(millisBetween(ofPartition.get(i - 1), ofPartition.get(i)))
                        .as("partition %d one record at a time", current)
                        .isGreaterThanOrEqualTo(SLEEP_MILLIS);
            }
        }
        long overlapping = IntStream.range(1, changes.size())
                .filter(i -> changes.get(i).partition() != changes.get(i - 1).partition()
                        && millisBetween(changes.get(i - 1), changes.get(i)) < SLEEP_MILLIS / 2)
                .count();
        assertThat(overlapping)
                .as("changes of different partitions at the same time")
                .isPositive();
    }

    private static long millisBetween(Change earlier, Change later) {
        return Duration.between(earlier.recordedAt(), later.recordedAt()).toMillis();
    }

    private record Change(int partition, long offset, Instant recordedAt) {}
}
