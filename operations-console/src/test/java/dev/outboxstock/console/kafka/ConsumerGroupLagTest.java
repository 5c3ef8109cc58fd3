package dev.outboxstock.console.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.console.OperationsTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Lag against a real broker, on partitions written the way the relays write them (transactions, each ending in a
 * commit marker that takes an offset of its own) and the way a plain producer does.
 */
@QuarkusTest
@OperationsTestResource
class ConsumerGroupLagTest {

    @Inject
    ConsumerGroupLag lag;

    @Inject
    Admin admin;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPartitionWhoseOnlyUnreadOffsetIsACommitMarkerHasNoLag() throws Exception {
        String topic = topic();
        transactionally(topic, 2); // records at 0 and 1, the commit marker at 2: the end is 3
        String group = commit(topic, 2); // what a consumer commits after reading both records

        PartitionLag partition = only(lag.of(group));

        assertThat(partition.end()).isEqualTo(3);
        assertThat(partition.committed()).isEqualTo(2);
        assertThat(partition.lag()).isZero();
    }

    @Test
    void recordsLeftBeforeACommitMarkerAreLag() throws Exception {
        String topic = topic();
        transactionally(topic, 2);
        String group = commit(topic, 1); // the record at 1 is not read yet

        assertThat(only(lag.of(group)).lag()).isEqualTo(2);
    }

    @Test
    void aPlainProducersUnreadRecordIsLag() throws Exception {
        String topic = topic();
        try (KafkaProducer<String, String> producer = producer(Optional.empty())) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "one")).get();
            producer.send(new ProducerRecord<>(topic, 0, "k", "two")).get();
        }
        String group = commit(topic, 1);

        assertThat(only(lag.of(group)).lag()).isEqualTo(1);
        assertThat(only(lag.of(commit(topic, 2))).lag()).isZero();
    }

    private String topic() throws Exception {
        String topic = "lag-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        return topic;
    }

    private void transactionally(String topic, int records) {
        try (KafkaProducer<String, String> producer = producer(Optional.of("lag-test-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "record " + i));
            }
            producer.commitTransaction();
        }
    }

    /** A group of no members that has committed this offset on the topic's partition. */
    private String commit(String topic, long offset) throws Exception {
        String group = "lag-test-" + UUID.randomUUID();
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)))
                .all()
                .get(10, TimeUnit.SECONDS);
        return group;
    }

    private KafkaProducer<String, String> producer(Optional<String> transactionalId) {
        Map<String, Object> settings = new HashMap<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"));
        transactionalId.ifPresent(id -> settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id));
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    private static PartitionLag only(List<PartitionLag> partitions) {
        assertThat(partitions).hasSize(1);
        return partitions.get(0);
    }
}
