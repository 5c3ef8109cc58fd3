package dev.outboxstock.consumer.ledger;

import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The records each channel of the ledger was handed, batch by batch: what a test reads to see who got what, when. */
@ApplicationScoped
public class Deliveries {

    /** Where a delivered record was read. */
    public record Delivered(int partition, long offset) {}

    private final Map<String, List<List<Delivered>>> batches = new ConcurrentHashMap<>();

    void received(String channel, KafkaRecordBatch<String, String> batch) {
        batches.computeIfAbsent(channel, any -> new CopyOnWriteArrayList<>())
                .add(batch.getRecords().stream()
                        .map(record -> record.unwrap(IncomingKafkaRecord.class))
                        .map(record -> new Delivered(record.getPartition(), record.getOffset()))
                        .toList());
    }

    /** The records of each batch the channel was handed, in the order it was handed them. */
    public List<List<Delivered>> batchesOf(String channel) {
        return List.copyOf(batches.getOrDefault(channel, List.of()));
    }
}
