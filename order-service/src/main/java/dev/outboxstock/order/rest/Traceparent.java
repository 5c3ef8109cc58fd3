package dev.outboxstock.order.rest;

import java.util.Optional;
import java.util.regex.Pattern;

/** The W3C {@code traceparent} request header. An invalid one is ignored, as the Trace Context spec asks. */
final class Traceparent {

    static final String HEADER = "traceparent";

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "00000000000000000000000000000000";

    private Traceparent() {}

    static Optional<String> of(String header) {
        return Optional.ofNullable(header)
                .map(String::strip)
                .filter(value -> VALID.matcher(value).matches())
                .filter(value -> !value.startsWith("ff"))
                .filter(value -> !value.substring(3, 35).equals(INVALID_TRACE_ID));
    }
}
