package dev.outboxstock.relay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.TopicReader;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What reached a topic for a set of outbox rows, and the checks of the relay's delivery guarantee on it. */
public final class RelayedEvents {

    private final List<ConsumerRecord<String, String>> records;

    private RelayedEvents(List<ConsumerRecord<String, String>> records) {
        this.records = records;
    }

    /**
     * Waits until every row's event id is on the topic (fails after {@code timeout}), then reads the topic to its end:
     * every copy of those events, so that duplicates are counted, not only first occurrences.
     */
    public static RelayedEvents awaitAll(
            String bootstrapServers, String topic, Collection<WrittenRow> rows, Duration timeout) {
        Set<String> ids = rows.stream().map(row -> row.id().toString()).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        int[] scanned = {0};
        TopicReader.readUntil(
                bootstrapServers,
                topic,
                read -> {
                    for (; scanned[0] < read.size(); scanned[0]++) {
                        eventId(read.get(scanned[0])).filter(ids::contains).ifPresent(seen::add);
                    }
                    return seen.size() == ids.size();
                },
                timeout);
        return new RelayedEvents(TopicReader.readToEnd(bootstrapServers, topic).stream()
                .filter(record -> eventId(record).filter(ids::contains).isPresent())
                .toList());
    }

    public List<ConsumerRecord<String, String>> records() {
        return records;
    }

    /** Copies beyond the first of each event: what a crash re-sent. */
    public int duplicates() {
        return records.size()
                - (int) records.stream().map(RelayedEvents::eventId).distinct().count();
    }

    /** The most copies of any one event: 1 when nothing was sent twice. */
    public long mostCopiesOfAnEvent() {
        return records.stream()
                .collect(Collectors.groupingBy(RelayedEvents::eventId, Collectors.counting()))
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
    }

    /** The rows of which more than one copy reached the topic. */
    public Set<String> duplicatedEventIds() {
        Set<String> seen = new HashSet<>();
        return records.stream()
                .map(record -> eventId(record).orElseThrow())
                .filter(id -> !seen.add(id))
                .collect(Collectors.toSet());
    }

    /**
     * No copy of an event follows, on its partition, the first record of any of {@code later}: a new streamer replays
     * what its predecessor sent after the last stored position before it sends rows of its own, so a copy after those
     * was committed by another producer, one that should have been fenced off.
     */
    public void assertNoCopyAfterTheFirstOf(Collection<WrittenRow> later) {
        Set<String> laterIds = later.stream().map(row -> row.id().toString()).collect(Collectors.toSet());
        Map<Integer, Set<String>> seenPerPartition = new HashMap<>();
        Set<Integer> partitionsPastLater = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            String id = eventId(record).orElseThrow();
            boolean copy = !seenPerPartition
                    .computeIfAbsent(record.partition(), partition -> new HashSet<>())
                    .add(id);
            assertThat(copy && partitionsPastLater.contains(record.partition()))
                    .as(
                            "a copy of event %s at offset %d of partition %d, after rows committed later were relayed",
                            id, record.offset(), record.partition())
                    .isFalse();
            if (laterIds.contains(id)) {
                partitionsPastLater.add(record.partition());
            }
        }
    }

    public Optional<ConsumerRecord<String, String>> first(WrittenRow row) {
        return records.stream()
                .filter(record -> eventId(record).orElseThrow().equals(row.id().toString()))
                .findFirst();
    }

    /**
     * The delivery guarantee: for each key, the first copy of every event appears in the order the rows were
     * committed ({@code rowsInCommitOrder}), and all copies of a key are in one partition.
     */
    public void assertFirstOccurrencesInCommitOrderPerKey(List<WrittenRow> rowsInCommitOrder) {
        Map<String, List<String>> committed = rowsInCommitOrder.stream()
                .collect(Collectors.groupingBy(
                        WrittenRow::aggregateId,
                        LinkedHashMap::new,
                        Collectors.mapping(row -> row.id().toString(), Collectors.toList())));
        Map<String, LinkedHashSet<String>> firstSeen = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            firstSeen
                    .computeIfAbsent(record.key(), key -> new LinkedHashSet<>())
                    .add(eventId(record).orElseThrow());
        }
        committed.forEach((key, ids) -> {
            assertThat(List.copyOf(firstSeen.get(key)))
                    .as("first occurrences of key %s", key)
                    .isEqualTo(ids);
            assertThat(records.stream()
                            .filter(record -> record.key().equals(key))
                            .map(ConsumerRecord::partition)
                            .distinct())
                    .as("partitions of key %s", key)
                    .hasSize(1);
        });
    }

    public static Optional<String> eventId(ConsumerRecord<String, String> record) {
        return header(record, EventHeaders.EVENT_ID);
    }

    public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        return HeaderText.of(record.headers(), name);
    }
}
