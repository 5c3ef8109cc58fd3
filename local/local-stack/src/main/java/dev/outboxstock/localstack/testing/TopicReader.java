package dev.outboxstock.localstack.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning, outside any consumer group, for tests that check what reached Kafka. */
public final class TopicReader {

    private TopicReader() {}

    /**
     * Every record on the topic now: reads up to the end offsets it finds when it starts. For checks that something
     * did NOT reach a topic.
     */
    public static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = committedRecordsConsumer(bootstrapServers)) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Reads until {@code enough} holds for the records read so far, or fails after {@code timeout}. */
    public static List<ConsumerRecord<String, String>> readUntil(
            String bootstrapServers,
            String topic,
            Predicate<List<ConsumerRecord<String, String>>> enough,
            Duration timeout) {
        try (KafkaConsumer<String, String> consumer = committedRecordsConsumer(bootstrapServers)) {
            assignFromBeginning(consumer, topic);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.test(records)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Within " + timeout + " read only " + records.size() + " records of "
                            + topic + ", the last ones: "
                            + records.subList(Math.max(0, records.size() - 5), records.size()));
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * A consumer in no group, to be assigned partitions, that sees only committed records, as the services' consumers
     * do: never those of an aborted transaction (the relays send each batch in a transaction).
     */
    public static KafkaConsumer<String, String> committedRecordsConsumer(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer());
    }

    /** Assigns the consumer every partition of these topics, and returns them. */
    public static List<TopicPartition> assignEveryPartition(
            KafkaConsumer<String, String> consumer, List<String> topics) {
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic ->
                        consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        return partitions;
    }

    private static List<TopicPartition> assignFromBeginning(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = assignEveryPartition(consumer, List.of(topic));
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}
