package dev.outboxstock.console.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outboxstock.console.deadletter.DeadLetter;
import dev.outboxstock.console.deadletter.DeadLetterStatus;
import java.time.Instant;

/** A dead letter in a list: what it is and why it is there, without its value and headers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterSummary(
        long id,
        String topic,
        String key,
        String reason,
        String sourceTopic,
        String eventId,
        String eventType,
        Instant deadLetteredAt,
        DeadLetterStatus status,
        int replays) {

    public static DeadLetterSummary of(DeadLetter deadLetter) {
        return new DeadLetterSummary(
                deadLetter.id(),
                deadLetter.topic(),
                deadLetter.key().orElse(null),
                deadLetter.reason().orElse(null),
                deadLetter.sourceTopic().orElse(null),
                deadLetter.eventId().orElse(null),
                deadLetter.eventType().orElse(null),
                deadLetter.deadLetteredAt(),
                deadLetter.status(),
                deadLetter.replays());
    }
}
