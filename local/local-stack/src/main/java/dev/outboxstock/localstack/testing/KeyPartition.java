package dev.outboxstock.localstack.testing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition Kafka's default partitioner gives a record with a string key (murmur2 of its UTF-8 bytes), so a test
 * can tell which partition an order's or a product's records land on without sending one.
 */
public final class KeyPartition {

    private KeyPartition() {}

    /** The partition of {@code partitions} the producer picks for this key. */
    public static int of(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
