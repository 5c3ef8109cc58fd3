package dev.outboxstock.console.deadletter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a time given as text to a dead-letter filter is read. The API takes an ISO-8601 instant only, as its contract
 * says; the page also takes a date and time without a zone, as an operator types it, read as UTC like every time the
 * page shows. What each does with text it cannot read is its own: the API answers 400, the page shows the problem.
 */
public enum TimeText {

    /** Only an instant: {@code 2026-11-30T14:00:00Z}. */
    INSTANT_ONLY,

    /** An instant, or a date and time without a zone read as UTC: {@code 2026-11-30T14:00:00}. */
    ZONE_LESS_AS_UTC;

    /** The instant {@code text} names, read this way; empty when it names none. */
    public Optional<Instant> read(String text) {
        Optional<Instant> instant = parsed(text, Instant::parse);
        if (instant.isPresent() || this == INSTANT_ONLY) {
            return instant;
        }
        return parsed(text, zoneLess -> LocalDateTime.parse(zoneLess).toInstant(ZoneOffset.UTC));
    }

    private static Optional<Instant> parsed(String text, Function<String, Instant> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
