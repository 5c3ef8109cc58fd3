package dev.outboxstock.inventory;

import dev.outboxstock.localstack.testing.KeyPartition;
import java.util.ArrayList;
import java.util.List;

/**
 * Product ids chosen by the partition Kafka's default partitioner gives their key, so a test can spread products
 * over every partition of the stock topic, or put one product on each.
 */
public final class PartitionedProducts {

    private PartitionedProducts() {}

    /** {@code count} product ids, round-robin over all partitions: id i lands on partition i % partitions. */
    public static List<String> spreadOver(int partitions, int count, String prefix) {
        List<String> products = new ArrayList<>(count);
        for (int candidate = 0; products.size() < count; candidate++) {
            String id = prefix + "-" + candidate;
            if (KeyPartition.of(id, partitions) == products.size() % partitions) {
                products.add(id);
            }
        }
        return products;
    }
}
