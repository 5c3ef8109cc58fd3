package dev.outboxstock.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.inventory.PartitionedProducts;
import dev.outboxstock.inventory.StockEventProducer;
import dev.outboxstock.inventory.StockEventTestBase;
import dev.outboxstock.localstack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** Many requests race for the same stock; the partition key serialises them, the SQL guard keeps stock >= 0. */
@QuarkusTest
@InventoryTestResource
class ConcurrentDecreaseTest extends StockEventTestBase {

    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(120);
    private static final int PRODUCING_THREADS = 8;

    @Test
    void oneThousandRequestsForFiveHundredUnitsTakeExactlyFiveHundred() throws Exception {
        String product = newProduct("race", 500);

        sendConcurrently(Collections.nCopies(1000, product));

        awaitDecreasesRecorded(product, 1000);
        assertThat(database.available(product)).isZero();
        assertThat(decreases(product, "APPLIED")).isEqualTo(500);
        assertThat(decreases(product, "REJECTED")).isEqualTo(500);
        // Each level from 499 down to 0 was left behind exactly once: the decreases ran one after the other.
        assertThat(database.query(
                        "SELECT DISTINCT available_after FROM stock_movement WHERE product_id = ? AND kind = 'DECREASE'"
                                + " AND outcome = 'APPLIED'",
                        product))
                .hasSize(500)
                .allSatisfy(row -> assertThat((Integer) row.get(0)).isBetween(0, 499));
        assertThat(outcomes(product, StockDecreased.TYPE)).isEqualTo(500);
        assertThat(outcomes(product, StockDecreaseRejected.TYPE)).isEqualTo(500);
    }

    @Test
    void perProductTotalsStayExactForTwentyProductsOverEveryPartition() throws Exception {
        int partitions = LocalStack.DEFAULT_PARTITIONS;
        List<String> products = PartitionedProducts.spreadOver(partitions, 20, "spread-" + UUID.randomUUID());
        for (int i = 0; i < products.size(); i++) {
            stockService.setAvailable(products.get(i), 20 + i * 3);
        }
        List<String> requests = new ArrayList<>();
        products.forEach(product -> requests.addAll(Collections.nCopies(50, product)));
        Collections.shuffle(requests);

        List<RecordMetadata> sent = sendConcurrently(requests);

        assertThat(sent.stream().map(RecordMetadata::partition).distinct()).hasSize(partitions);
        for (int i = 0; i < products.size(); i++) {
            String product = products.get(i);
            int initial = 20 + i * 3;
            awaitDecreasesRecorded(product, 50);
            assertThat(decreases(product, "APPLIED")).as(product).isEqualTo(Math.min(initial, 50));
            assertThat(database.available(product)).as(product).isEqualTo(initial - Math.min(initial, 50));
        }
    }

    private List<RecordMetadata> sendConcurrently(List<String> products) throws Exception {
        ExecutorService producers = Executors.newFixedThreadPool(PRODUCING_THREADS);
        try {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            IntStream.range(0, products.size())
                    .forEach(i -> sends.add(producers.submit(() -> StockEventProducer.await(
                            events.decrease(UUID.randomUUID(), UUID.randomUUID(), products.get(i), 1)))));
            List<RecordMetadata> sent = new ArrayList<>();
            for (Future<RecordMetadata> send : sends) {
                sent.add(send.get());
            }
            return sent;
        } finally {
            producers.shutdown();
        }
    }

    private void awaitDecreasesRecorded(String product, int expected) {
        await().atMost(APPLY_TIMEOUT)
                .until(() -> database.number(
                                "SELECT count(*) FROM stock_movement WHERE product_id = ? AND kind = 'DECREASE'",
                                product)
                        == expected);
    }

    private long decreases(String product, String outcome) {
        return database.number(
                "SELECT count(*) FROM stock_movement WHERE product_id = ? AND kind = 'DECREASE' AND outcome = ?",
                product,
                outcome);
    }

    private long outcomes(String product, String type) {
        return database.number(
                "SELECT count(*) FROM outbox_event WHERE aggregatetype = ? AND type = ? AND payload ->> 'productId' = ?",
                StockOutcomeTopic.AGGREGATE_TYPE,
                type,
                product);
    }
}
