package dev.outboxstock.console.overview;

import dev.outboxstock.console.deadletter.DeadLetterFilter;
import dev.outboxstock.console.deadletter.DeadLetterStatus;
import dev.outboxstock.console.deadletter.TimeText;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The dead-letter filter of the page's form, as entered: an empty field does not narrow, and a status that is none is
 * ignored rather than failing the page. A time that cannot be read is ignored by the list too, but {@link #problem()}
 * says so, and no bulk action may run on it: that would act on more than the operator asked for.
 *
 * @param from read as {@link TimeText#ZONE_LESS_AS_UTC}: an instant, or a date and time without a zone read as UTC
 */
public record DeadLetterQuery(
        String topic, String status, String reason, String key, String eventType, String from, String to) {

    /** What the list shows: the criteria and the status. */
    public DeadLetterFilter filter() {
        DeadLetterFilter criteria = criteria();
        return present(status)
                .flatMap(DeadLetterQuery::status)
                .map(criteria::withStatus)
                .orElse(criteria);
    }

    /** What a bulk action selects by (it takes pending dead letters whatever the status field says). */
    public DeadLetterFilter criteria() {
        return new DeadLetterFilter(
                present(topic),
                Optional.empty(),
                present(reason),
                present(key),
                present(eventType),
                instant(from),
                instant(to));
    }

    /** Whether the status field asks for anything but pending dead letters, which a bulk action never touches. */
    public boolean excludesPending() {
        return present(status)
                .flatMap(DeadLetterQuery::status)
                .filter(only -> only != DeadLetterStatus.PENDING)
                .isPresent();
    }

    /** What in the form cannot be read, in words; empty when all of it can. */
    public Optional<String> problem() {
        if (present(from).isPresent() && instant(from).isEmpty()) {
            return Optional.of("From is not a time such as 2026-11-30T14:00:00Z");
        }
        if (present(to).isPresent() && instant(to).isEmpty()) {
            return Optional.of("To is not a time such as 2026-11-30T14:00:00Z");
        }
        return Optional.empty();
    }

    private static Optional<DeadLetterStatus> status(String name) {
        return Arrays.stream(DeadLetterStatus.values())
                .filter(status -> status.name().equals(name))
                .findFirst();
    }

    private static Optional<Instant> instant(String value) {
        return present(value).flatMap(TimeText.ZONE_LESS_AS_UTC::read);
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
