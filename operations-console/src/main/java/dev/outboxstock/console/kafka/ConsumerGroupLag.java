package dev.outboxstock.console.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer-group lag per partition, from Kafka's admin API: committed offsets against the partitions' ends, 0 where
 * nothing but commit markers lies between ({@link UnreadRecords}).
 */
@ApplicationScoped
public class ConsumerGroupLag {

    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final UnreadRecords unreadRecords;

    public ConsumerGroupLag(Admin admin, UnreadRecords unreadRecords) {
        this.admin = admin;
        this.unreadRecords = unreadRecords;
    }

    /** The group's lag on every partition it has committed an offset for, by topic and partition. */
    public List<PartitionLag> of(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // Consumers read committed records only: the end they can reach is the last stable offset.
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            committed.keySet().stream()
                                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> from = committed.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, entry -> entry.getValue().offset()));
            Map<TopicPartition, Long> end = from.keySet().stream()
                    .collect(Collectors.toMap(
                            Function.identity(),
                            partition -> ends.get(partition).offset()));
            // A transactional producer's commit marker takes the partition's last offset, and a consumer commits past
            // it only with the next record: read what lies between, so that a marker alone is no lag.
            Set<TopicPartition> holdingRecords = unreadRecords.holdingRecords(from, end);
            return from.entrySet().stream()
                    .map(entry -> new PartitionLag(
                            group,
                            entry.getKey().topic(),
                            entry.getKey().partition(),
                            entry.getValue(),
                            end.get(entry.getKey()),
                            holdingRecords.contains(entry.getKey())))
                    .sorted(Comparator.comparing(PartitionLag::topic).thenComparing(PartitionLag::partition))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted while reading the lag of " + group, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not tell the lag of " + group + ": " + e, e);
        }
    }
}
