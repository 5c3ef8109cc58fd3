package dev.outboxstock.console.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A dead-letter record as read from Kafka, with what its headers and value say about it, before it is indexed. */
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
        Instant deadLetteredAt) {

    public NewDeadLetter {
        headers = List.copyOf(headers);
    }
}
