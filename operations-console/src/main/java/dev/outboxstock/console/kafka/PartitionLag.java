package dev.outboxstock.console.kafka;

/**
 * How far a consumer group is behind on one partition: the end offset minus the group's committed offset, or 0 when
 * no record a consumer would read is left between them (only transactions' commit markers, or aborted records).
 *
 * @param recordsLeft whether a record a {@code read_committed} consumer would read lies between committed and end
 */
public record PartitionLag(String group, String topic, int partition, long committed, long end, boolean recordsLeft) {

    public long lag() {
        return recordsLeft ? Math.max(0, end - committed) : 0;
    }
}
