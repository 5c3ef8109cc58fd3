package dev.outboxstock.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the relay turns an outbox row into a Kafka record: topic {@code <aggregatetype>-events}, key
 * {@code aggregateid}, value {@code payload}, and the headers in {@link EventHeaders}. {@link #route} states the
 * rule as code, so that the relay's tests and the producers' contract tests hold to one definition.
 */
public final class OutboxRouting {

    public static final String TOPIC_SUFFIX = "-events";

    /** A consumer's dead-letter topic is its source topic's name with this suffix. */
    public static final String DEAD_LETTER_SUFFIX = "-dead-letter";

    private OutboxRouting() {}

    public static String topicFor(String aggregateType) {
        return aggregateType + TOPIC_SUFFIX;
    }

    /** The record the relay publishes for {@code row}. */
    public static RelayedRecord route(OutboxRow row) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, row.id().toString());
        headers.put(EventHeaders.EVENT_TYPE, row.type());
        row.traceparent().ifPresent(traceparent -> headers.put(EventHeaders.TRACEPARENT, traceparent));
        return new RelayedRecord(topicFor(row.aggregateType()), row.aggregateId(), row.payload(), headers);
    }
}
