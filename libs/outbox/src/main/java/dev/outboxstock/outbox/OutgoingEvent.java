package dev.outboxstock.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;
import java.util.UUID;

/**
 * An event for the outbox.
 *
 * @param id the event id, which consumers deduplicate on: the same event written again must carry the same id
 * @param aggregateType selects the topic
 * @param aggregateId the record key: events with the same key stay in order
 * @param type the event type, carried as a header
 * @param payload serialised to JSON as the record value
 * @param traceparent the W3C trace context to carry as a header, if any: the relay continues the trace from it
 */
public record OutgoingEvent(
        UUID id, String aggregateType, String aggregateId, String type, Object payload, Optional<String> traceparent) {

    /**
     * An event caused by the work of the current span (a request's server span, a consumed record's span): its row
     * carries that span's context, so that the trace goes on through the relay to the event's consumer. None when no
     * span is current.
     */
    public static OutgoingEvent of(UUID id, String aggregateType, String aggregateId, String type, Object payload) {
        return new OutgoingEvent(id, aggregateType, aggregateId, type, payload, currentTraceparent());
    }

    private static Optional<String> currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex());
    }
}
