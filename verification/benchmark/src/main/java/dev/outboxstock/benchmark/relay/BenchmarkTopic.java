package dev.outboxstock.benchmark.relay;

import dev.outboxstock.contract.OutboxRouting;

/**
 * Where the relay comparison sends its rows: stock requests in every respect but the topic, so that inventory does
 * not apply them and only the relays are measured. It has as many partitions as the stock topic.
 */
public final class BenchmarkTopic {

    public static final String AGGREGATE_TYPE = "benchmark";
    public static final String NAME = AGGREGATE_TYPE + OutboxRouting.TOPIC_SUFFIX;

    private BenchmarkTopic() {}
}
