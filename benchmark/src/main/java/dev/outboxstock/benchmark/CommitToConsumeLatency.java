package dev.outboxstock.benchmark;

import dev.outboxstock.contract.StockTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the stock topic from its current end and measures, for each record, the time from its row's commit (the
 * record timestamp: the relay sets PostgreSQL's commit time) to its arrival here. A consumer sees a record only
 * after Kafka acknowledged it, so this bounds the relay's commit-to-ack latency from above.
 */
final class CommitToConsumeLatency implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    CommitToConsumeLatency(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        100),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(StockTopic.NAME).stream()
                .map(info -> new TopicPartition(StockTopic.NAME, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Measures the next {@code records} records, in milliseconds, on a thread of its own. */
    CompletableFuture<long[]> measure(int records, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            long[] latencies = new long[records];
            int received = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (received < records) {
                        latencies[received++] = System.currentTimeMillis() - record.timestamp();
                    }
                }
            }
            if (received < records) {
                throw new IllegalStateException("Only " + received + " of " + records + " records within " + timeout);
            }
            return latencies;
        });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
