package dev.outboxstock.consumer;

import io.opentelemetry.api.trace.Span;
import java.util.UUID;

/**
 * Which event a change comes from, and the Kafka record that carried it.
 *
 * @param span the span of this record's processing, a child of the trace its producer started: the work done for the
 *     event runs with it current ({@code span.makeCurrent()}), so that the events that work writes carry the trace on
 */
public record EventSource(UUID eventId, int partition, long offset, Span span) {

    /** An event outside any trace. */
    public EventSource(UUID eventId, int partition, long offset) {
        this(eventId, partition, offset, Span.getInvalid());
    }
}
