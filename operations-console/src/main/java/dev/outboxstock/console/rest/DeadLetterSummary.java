package dev.outboxstock.console.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outboxstock.console.deadletter.DeadLetter;
import dev.outboxstock.console.deadletter.DeadLetterStatus;
import java.time.Instant;

/**
 * A dead letter in a list: what it is and why it is there, without its value and headers (a part of its
 * {@link DeadLetterResponse}).
 */
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
        return DeadLetterResponse.of(deadLetter).summary();
    }
}
