package dev.outboxstock.console.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A dead-letter record as read from Kafka, with what its headers and value say about it, before it is indexed: the
 * texts as {@link DisplayText} shows them (bounded to their columns), and the record's own bytes.
 */
public record NewDeadLetter(
        String topic,
        int partition,
        long offset,
        Optional<String> key,
        Optional<String> value,
        List<RecordHeader> headers,
        Optional<String> reason,
        Optional<String> sourceTopic,
        Optional<Integer> sourcePartition,
        Optional<Long> sourceOffset,
        Optional<String> eventId,
        Optional<String> eventType,
        Instant deadLetteredAt,
        RecordBytes bytes) {

    /** The longest event id and event type the index shows ({@code dead_letter.event_id}, {@code .event_type}). */
    public static final int MAX_EVENT_ID = 64;

    public static final int MAX_EVENT_TYPE = 255;

    /** The longest source topic shown ({@code dead_letter.source_topic}: Kafka's longest topic name). */
    public static final int MAX_TOPIC = 249;

    public NewDeadLetter {
        headers = List.copyOf(headers);
        sourceTopic = sourceTopic.map(text -> DisplayText.bounded(text, MAX_TOPIC));
        eventId = eventId.map(text -> DisplayText.bounded(text, MAX_EVENT_ID));
        eventType = eventType.map(text -> DisplayText.bounded(text, MAX_EVENT_TYPE));
    }
}
