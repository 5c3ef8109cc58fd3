package dev.outboxstock.console.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

/** Consumer-group lag per partition, from Kafka's admin API: committed offsets against the partitions' ends. */
@ApplicationScoped
public class ConsumerGroupLag {

    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;

    public ConsumerGroupLag(Admin admin) {
        this.admin = admin;
    }

    /** The group's lag on every partition it has committed an offset for, by topic and partition. */
    public List<PartitionLag> of(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // Consumers read committed records only: the end they can reach is the last stable offset.
            // An idle partition of a transactional producer still shows lag 1 here: the commit marker takes the last
            // offset, and a consumer commits past it only with the next record. Not corrected: the Admin API tells
            // offsets, not what is at them, so it cannot tell a marker from a record; only reading the partition from
            // the committed offset can (a consumer per partition on every page view, racing live traffic). The page
            // explains the 1 instead (the note under the lag tables).
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            committed.keySet().stream()
                                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return committed.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .map(entry -> new PartitionLag(
                            group,
                            entry.getKey().topic(),
                            entry.getKey().partition(),
                            entry.getValue().offset(),
                            ends.get(entry.getKey()).offset()))
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
