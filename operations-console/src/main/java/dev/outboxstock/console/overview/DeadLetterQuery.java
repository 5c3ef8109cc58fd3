package dev.outboxstock.console.overview;

import dev.outboxstock.console.deadletter.DeadLetterFilter;
import dev.outboxstock.console.deadletter.DeadLetterStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * The dead-letter filter of the page's form, as entered: an empty field does not narrow, and a status that is none is
 * ignored rather than failing the page.
 */
public record DeadLetterQuery(String topic, String status, String reason, String key, String eventType) {

    DeadLetterFilter filter() {
        return new DeadLetterFilter(
                present(topic),
                present(status).flatMap(DeadLetterQuery::status),
                present(reason),
                present(key),
                present(eventType),
                Optional.empty(),
                Optional.empty());
    }

    private static Optional<DeadLetterStatus> status(String name) {
        return Arrays.stream(DeadLetterStatus.values())
                .filter(status -> status.name().equals(name))
                .findFirst();
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
