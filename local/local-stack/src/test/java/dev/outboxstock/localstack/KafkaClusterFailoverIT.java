package dev.outboxstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.testing.TopicReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** A production-like Kafka of three nodes loses the leader of a busy partition to kill -9, then gets it back. */
class KafkaClusterFailoverIT {

    private static final String TOPIC = StockTopic.NAME;
    private static final int PARTITION = 0;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void acknowledgedWritesSurviveKillingThePartitionLeaderAndItsRestart() throws Exception {
        long starting = System.nanoTime();
        long stopping;
        try (LocalStack stack =
                LocalStack.builder().kafkaNodes(3).stockTopicPartitions(3).start()) {
            report("3-node Kafka up in %d ms", millisSince(starting));
            KafkaCluster kafka = stack.kafka().orElseThrow();
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
            assertThat(kafka.nodes())
                    .extracting(node -> node.processHandle().pid())
                    .doesNotHaveDuplicates();
            assertReplicatedOnThreeNodesWithTwoInSyncRequired(kafka.bootstrapServers());
            logResidentMemory(kafka, "after start");

            SequenceProducer producer = new SequenceProducer(kafka.bootstrapServers(), TOPIC, PARTITION);
            try (producer) {
                producer.awaitMoreAcknowledged(300, TIMEOUT);

                KafkaNode formerLeader = kafka.leaderOf(TOPIC, PARTITION);
                // Failover takes longer when the killed node also led the metadata quorum: a controller is elected
                // first.
                report("Killing %s; node %d leads the metadata quorum", formerLeader, activeController(kafka));
                long killed = System.nanoTime();
                formerLeader.kill();
                KafkaNode newLeader = kafka.awaitNewLeader(TOPIC, PARTITION, formerLeader, TIMEOUT);
                report("%s took over from %s in %d ms", newLeader, formerLeader, millisSince(killed));

                // acks=all still succeeds: the dead node left the in-sync replicas, and the two left meet
                // min.insync.replicas.
                producer.awaitMoreAcknowledged(300, TIMEOUT);
                // One snapshot: the producer goes on writing, so a count read after it may be larger.
                List<String> acknowledgedSoFar = producer.acknowledgedValues();
                String writtenWhileDown = acknowledgedSoFar.get(acknowledgedSoFar.size() - 1);
                TopicReader.readUntil(
                        kafka.bootstrapServers(),
                        TOPIC,
                        records -> values(records).contains(writtenWhileDown),
                        TIMEOUT);

                long restarting = System.nanoTime();
                formerLeader.restart();
                kafka.awaitAllReplicasInSync(TIMEOUT);
                report("%s back and in sync in %d ms", formerLeader, millisSince(restarting));
                producer.awaitMoreAcknowledged(300, TIMEOUT);
            }

            List<String> acknowledged = producer.acknowledgedValues();
            Set<String> expected = new HashSet<>(acknowledged);
            List<String> read = values(TopicReader.readUntil(
                    kafka.bootstrapServers(),
                    TOPIC,
                    records -> new HashSet<>(values(records)).containsAll(expected),
                    TIMEOUT));
            assertThat(producer.failures()).isEmpty();
            // The idempotent producer's retries across the failover write nothing twice.
            assertThat(read).doesNotHaveDuplicates();
            report(
                    "%d writes acknowledged, all read back; longest write stall %d ms",
                    acknowledged.size(), producer.longestStall().toMillis());
            logResidentMemory(kafka, "at the end");
            stopping = System.nanoTime();
        }
        report("Stopped in %d ms; whole run %d ms", millisSince(stopping), millisSince(starting));
    }

    private static void assertReplicatedOnThreeNodesWithTwoInSyncRequired(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicDescription topic =
                    admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            assertThat(topic.partitions()).hasSize(3).allSatisfy(partition -> {
                assertThat(partition.replicas()).hasSize(3);
                assertThat(partition.isr()).hasSize(3);
            });
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                    .isEqualTo("2");
        }
    }

    private static int activeController(KafkaCluster kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeMetadataQuorum().quorumInfo().get().leaderId();
        }
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static void logResidentMemory(KafkaCluster kafka, String when) throws IOException {
        for (KafkaNode node : kafka.nodes()) {
            report("%s resident %d MB %s", node, residentMegabytes(node.processHandle()), when);
        }
    }

    /** Linux's VmRSS of the process: what it really occupies, unlike its heap limit. */
    private static long residentMegabytes(ProcessHandle process) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst()
                .orElseThrow();
    }

    /** The run's measurements, on standard output so that the build's report keeps them. */
    private static void report(String format, Object... arguments) {
        System.out.printf(format + "%n", arguments);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
