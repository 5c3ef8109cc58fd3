package dev.outboxstock.benchmark.measure;

import dev.outboxstock.localstack.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads topics from their current end on a thread of its own and hands each record to a handler. Every partition is assigned directly (no consumer group), so reading starts at once.
 */
final class TopicReading implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    TopicReading(String bootstrapServers, List<String> topics, Consumer<ConsumerRecord<String, String>> handler) {
        consumer = TopicReader.committedRecordsConsumer(bootstrapServers);
        List<TopicPartition> partitions = TopicReader.assignEveryPartition(consumer, topics);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(
                () -> {
                    while (running) {
                        consumer.poll(Duration.ofMillis(100)).forEach(handler);
                    }
                    consumer.close();
                },
                "topic-reading-" + String.join("-", topics));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
