package dev.outboxstock.console.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.outboxstock.console.deadletter.DeadLetterFilter;
import dev.outboxstock.console.service.RedriveService;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;

/**
 * Which pending dead letters a bulk replay or discard is about: at least one criterion (the service refuses none,
 * {@link RedriveProblemMappers} answers 400), all of which must hold, and at most {@code limit} of them (the oldest
 * first; 100 when not given, {@link RedriveService#MAX_BULK_ACTION} at the most).
 */
public record BulkActionRequest(
        @Pattern(regexp = DeadLetterTopicNames.PATTERN, message = DeadLetterTopicNames.MESSAGE)
        String topic,

        @Size(min = 1, max = 200, message = "reason must be 1 to 200 characters")
        String reason,

        @Size(min = 1, max = 255, message = "key must be 1 to 255 characters")
        String key,

        @Size(min = 1, max = 255, message = "eventType must be 1 to 255 characters")
        String eventType,

        Instant from,
        Instant to,

        @Min(value = 1, message = "limit must be at least {value}")
        @Max(value = RedriveService.MAX_BULK_ACTION, message = "limit must be at most {value}")
        Integer limit) {

    static final int DEFAULT_LIMIT = 100;

    @JsonIgnore
    @AssertTrue(message = "from must be before to")
    public boolean isOrdered() {
        return from == null || to == null || from.isBefore(to);
    }

    DeadLetterFilter filter() {
        return new DeadLetterFilter(
                Optional.ofNullable(topic),
                Optional.empty(),
                Optional.ofNullable(reason),
                Optional.ofNullable(key),
                Optional.ofNullable(eventType),
                Optional.ofNullable(from),
                Optional.ofNullable(to));
    }

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
