package dev.outboxstock.console.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's own Kafka clients beside its consumer: the producer of replays, and an admin client and a reader for
 * lag.
 */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrapServers;

    public KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Idempotent and acknowledged by every in-sync replica: a replay Kafka answered is on the topic. Of bytes: a replay
     * sends the record's own bytes.
     */
    @Produces
    @Singleton
    Producer<byte[], byte[]> replayProducer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "operations-console-redrive",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        30_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        10_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        10_000),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    void close(@Disposes Producer<byte[], byte[]> producer) {
        producer.close();
    }

    @Produces
    @Singleton
    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "operations-console-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                3_000));
    }

    void close(@Disposes Admin admin) {
        admin.close();
    }

    /**
     * What lag reads with to tell a commit marker from a record: a {@code read_committed} consumer of no group (it
     * commits nothing), reading one small fetch per partition.
     */
    @Produces
    @Singleton
    UnreadRecords unreadRecords() {
        return new UnreadRecords(
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.CLIENT_ID_CONFIG,
                                "operations-console-lag",
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                1,
                                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                                64 * 1024,
                                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                5_000,
                                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                3_000),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()),
                Duration.ofSeconds(2));
    }

    void close(@Disposes UnreadRecords unreadRecords) {
        unreadRecords.close();
    }
}
