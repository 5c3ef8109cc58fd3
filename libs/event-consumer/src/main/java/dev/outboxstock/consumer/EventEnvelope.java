package dev.outboxstock.consumer;

import dev.outboxstock.contract.EventHeaders;
import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** What every relayed event carries besides its payload: its id and type headers, and where it was read. */
public record EventEnvelope(EventSource source, String type) {

    /**
     * Reads the headers of a consumed record; a record without a valid event id or type is invalid. The record's span
     * is the current one: {@link RecordHandling} decodes each record in its own.
     */
    public static EventEnvelope of(Headers headers, int partition, long offset) throws InvalidEventException {
        String id = header(headers, EventHeaders.EVENT_ID);
        if (id == null) {
            throw new InvalidEventException("missing header " + EventHeaders.EVENT_ID);
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("header " + EventHeaders.EVENT_ID + " is not a UUID: " + id);
        }
        String type = header(headers, EventHeaders.EVENT_TYPE);
        if (type == null) {
            throw new InvalidEventException("missing header " + EventHeaders.EVENT_TYPE);
        }
        return new EventEnvelope(new EventSource(eventId, partition, offset, Span.current()), type);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
