package dev.outboxstock.console.kafka;

/** How far a consumer group is behind on one partition: the end offset minus the group's committed offset. */
public record PartitionLag(String group, String topic, int partition, long committed, long end) {

    public long lag() {
        return Math.max(0, end - committed);
    }
}
