package dev.outboxstock.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Product ids chosen by the partition Kafka's default partitioner gives their key, so a test can spread products
 * over every partition of the stock topic, or put one product on each.
 */
public final class PartitionedProducts {

    private PartitionedProducts() {}

    /** The partition the default partitioner picks for this key. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** {@code count} product ids, round-robin over all partitions: id i lands on partition i % partitions. */
    public static List<String> spreadOver(int partitions, int count, String prefix) {
        List<String> products = new ArrayList<>(count);
        for (int candidate = 0; products.size() < count; candidate++) {
            String id = prefix + "-" + candidate;
            if (partitionOf(id, partitions) == products.size() % partitions) {
                products.add(id);
            }
        }
        return products;
    }
}
