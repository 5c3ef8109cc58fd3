package dev.outboxstock.console.overview;

import dev.outboxstock.console.kafka.PartitionLag;
import java.util.List;

/** One consumer group's lag per partition, or why Kafka could not tell it. */
public record LagSection(String group, List<PartitionLag> partitions, long total, String error) {}
