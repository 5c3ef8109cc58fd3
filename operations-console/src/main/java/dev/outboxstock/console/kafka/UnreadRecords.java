package dev.outboxstock.console.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer would still read anything between a committed offset and a partition's end. Offsets alone cannot
 * tell: a transactional producer's commit marker takes an offset of its own, which a consumer reads past but commits
 * only with the next record, so an idle partition is one offset "behind" for good. So the partitions are read, as a
 * {@code read_committed} consumer reads them, from the committed offset: a record before the end means records are
 * left; a position that reaches the end with none means only markers (or aborted records) were there. One fetch per
 * partition, and only for partitions whose offsets differ.
 */
public class UnreadRecords implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Consumer<byte[], byte[]> consumer;
    private final Duration patience;

    /** @param consumer a {@code read_committed} consumer of no group, used by this alone */
    public UnreadRecords(Consumer<byte[], byte[]> consumer, Duration patience) {
        this.consumer = consumer;
        this.patience = patience;
    }

    /**
     * The partitions of {@code from} (each with the offset to read from) that hold a record before their end in
     * {@code ends}. A partition Kafka does not answer for within the patience counts as holding records: the offsets'
     * difference is then shown as it is.
     */
    public synchronized Set<TopicPartition> holdingRecords(
            Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> open = new HashMap<>();
        from.forEach((partition, offset) -> {
            if (ends.get(partition) > offset) {
                open.put(partition, offset);
            }
        });
        Set<TopicPartition> holding = new HashSet<>();
        if (open.isEmpty()) {
            return holding;
        }
        try {
            consumer.assign(open.keySet());
            open.forEach(consumer::seek);
            long deadline = System.nanoTime() + patience.toNanos();
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (open.containsKey(partition) && record.offset() < ends.get(partition)) {
                        holding.add(partition);
                        open.remove(partition);
                        consumer.pause(Set.of(partition));
                    }
                }
                open.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
            holding.addAll(open.keySet());
            return holding;
        } finally {
            consumer.unsubscribe();
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
