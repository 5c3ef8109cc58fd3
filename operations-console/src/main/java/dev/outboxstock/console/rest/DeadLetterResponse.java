package dev.outboxstock.console.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outboxstock.console.deadletter.DeadLetter;
import dev.outboxstock.console.deadletter.DeadLetterStatus;
import dev.outboxstock.console.deadletter.RecordHeader;
import java.time.Instant;
import java.util.List;

/** A dead letter whole: the record (key, headers, value), where it was read, why, and what was done with it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterResponse(
        long id,
        String topic,
        int partition,
        long offset,
        String key,
        List<RecordHeader> headers,
        String value,
        String reason,
        String sourceTopic,
        Integer sourcePartition,
        Long sourceOffset,
        String eventId,
        String eventType,
        Instant deadLetteredAt,
        DeadLetterStatus status,
        int replays,
        Instant updatedAt) {

    static DeadLetterResponse of(DeadLetter deadLetter) {
        return new DeadLetterResponse(
                deadLetter.id(),
                deadLetter.topic(),
                deadLetter.partition(),
                deadLetter.offset(),
                deadLetter.key().orElse(null),
                deadLetter.headers(),
                deadLetter.value().orElse(null),
                deadLetter.reason().orElse(null),
                deadLetter.sourceTopic().orElse(null),
                deadLetter.sourcePartition().orElse(null),
                deadLetter.sourceOffset().orElse(null),
                deadLetter.eventId().orElse(null),
                deadLetter.eventType().orElse(null),
                deadLetter.deadLetteredAt(),
                deadLetter.status(),
                deadLetter.replays(),
                deadLetter.updatedAt());
    }

    /** What a list shows of it. */
    DeadLetterSummary summary() {
        return new DeadLetterSummary(
                id, topic, key, reason, sourceTopic, eventId, eventType, deadLetteredAt, status, replays);
    }
}
