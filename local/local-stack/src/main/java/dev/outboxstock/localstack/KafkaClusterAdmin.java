package dev.outboxstock.localstack;

import dev.outboxstock.contract.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The questions and commands a {@link KafkaCluster} sends through Kafka's admin client, with its checked failures
 * turned into unchecked ones. Asks any live node: the admin client skips those that are down.
 */
final class KafkaClusterAdmin implements AutoCloseable {

    private static final Duration API_TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;

    KafkaClusterAdmin(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) API_TIMEOUT.toMillis()));
    }

    /** How many brokers are registered and unfenced: those a new partition can be placed on. */
    int liveBrokers() {
        return await(admin.describeCluster().nodes()).size();
    }

    void createTopics(Map<String, Integer> partitionsByTopic, KafkaReplication replication) {
        Map<String, String> config =
                Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replication.minInsyncReplicas()));
        Map<String, String> compacted = Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                String.valueOf(replication.minInsyncReplicas()),
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT);
        // A topic that holds a state keeps the latest record of each key (the contract's Topics.COMPACTED).
        List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) replication.factor())
                        .configs(Topics.COMPACTED.contains(topic.getKey()) ? compacted : config))
                .toList();
        await(admin.createTopics(topics).all());
    }

    /** The partition's leader as the cluster's metadata names it, or empty while it has none. */
    Optional<Integer> leaderIdOf(String topic, int partition) {
        TopicDescription description = describe(List.of(topic)).get(topic);
        Node leader = description.partitions().stream()
                .filter(info -> info.partition() == partition)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(topic + " has no partition " + partition))
                .leader();
        return leader == null || leader.isEmpty() ? Optional.empty() : Optional.of(leader.id());
    }

    /**
     * Every partition, Kafka's internal topics included, whose in-sync replicas are fewer than its replicas, as
     * {@code topic-partition isr [..] of replicas [..]}; empty once the cluster has converged.
     */
    List<String> partitionsOutOfSync() {
        Set<String> topics = await(
                admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
        return describe(topics).values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .filter(partition ->
                                partition.isr().size() < partition.replicas().size())
                        .map(partition -> describe(topic.name(), partition)))
                .toList();
    }

    private Map<String, TopicDescription> describe(Collection<String> topics) {
        return await(admin.describeTopics(topics).allTopicNames());
    }

    private static String describe(String topic, TopicPartitionInfo partition) {
        return topic + "-" + partition.partition() + " isr " + ids(partition.isr()) + " of replicas "
                + ids(partition.replicas());
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    /** The admin client bounds every call by its default API timeout, so waiting without one of our own is safe. */
    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka admin request failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
