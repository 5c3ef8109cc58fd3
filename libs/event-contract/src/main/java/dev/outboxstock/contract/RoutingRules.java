package dev.outboxstock.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which columns of an outbox row make which part of its Kafka record.
 *
 * @param topic one topic for every row; when empty, the topic is the topic column's value and the suffix
 * @param keyColumn the record key: rows with the same key reach Kafka in commit order
 * @param idColumn the event id, sent as header {@link EventHeaders#EVENT_ID}: consumers deduplicate on it
 * @param payloadColumn the record value: one JSON document
 * @param headers more columns sent as headers, column name to header name; a null column gives no header
 * @param namedTopics topic column values whose topic is named here rather than {@code <value><topicSuffix>}
 */
public record RoutingRules(
        Optional<String> topic,
        String topicColumn,
        String topicSuffix,
        String keyColumn,
        String idColumn,
        String payloadColumn,
        Map<String, String> headers,
        Map<String, String> namedTopics) {

    /** This system's rule, on the columns of {@link OutboxRow}: the relay's defaults. */
    public static final RoutingRules OUTBOX = new RoutingRules(
            Optional.empty(),
            OutboxRow.AGGREGATE_TYPE_COLUMN,
            OutboxRouting.TOPIC_SUFFIX,
            OutboxRow.AGGREGATE_ID_COLUMN,
            OutboxRow.ID_COLUMN,
            OutboxRow.PAYLOAD_COLUMN,
            outboxHeaders(),
            Map.of(StockLevelTopic.AGGREGATE_TYPE, StockLevelTopic.NAME));

    /** The headers keep the order given: records carry them in that order whichever JVM routes them. */
    public RoutingRules {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        namedTopics = Map.copyOf(namedTopics);
    }

    private static Map<String, String> outboxHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OutboxRow.TYPE_COLUMN, EventHeaders.EVENT_TYPE);
        headers.put(OutboxRow.TRACEPARENT_COLUMN, EventHeaders.TRACEPARENT);
        return headers;
    }
}
