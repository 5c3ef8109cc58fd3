package dev.outboxstock.console.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which dead letters a list or a bulk action is about; every criterion is optional and they all must hold.
 *
 * @param reason a part of the reason, in any case
 */
public record DeadLetterFilter(
        Optional<String> topic,
        Optional<DeadLetterStatus> status,
        Optional<String> reason,
        Optional<String> key,
        Optional<String> eventType,
        Optional<Instant> from,
        Optional<Instant> to) {

    public static DeadLetterFilter none() {
        return new DeadLetterFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public DeadLetterFilter withStatus(DeadLetterStatus only) {
        return new DeadLetterFilter(topic, Optional.of(only), reason, key, eventType, from, to);
    }

    /** Whether nothing narrows it (then no bulk action may run on it: RedriveService.allowsBulkAction). */
    public boolean isEmpty() {
        return describe().isEmpty();
    }

    /** The criteria in words, for the action log: {@code topic=stock-events-dead-letter reason~overflow}. */
    public String describe() {
        List<String> criteria = new ArrayList<>();
        topic.ifPresent(value -> criteria.add("topic=" + value));
        status.ifPresent(value -> criteria.add("status=" + value));
        reason.ifPresent(value -> criteria.add("reason~" + value));
        key.ifPresent(value -> criteria.add("key=" + value));
        eventType.ifPresent(value -> criteria.add("eventType=" + value));
        from.ifPresent(value -> criteria.add("from=" + value));
        to.ifPresent(value -> criteria.add("to=" + value));
        return String.join(" ", criteria);
    }
}
