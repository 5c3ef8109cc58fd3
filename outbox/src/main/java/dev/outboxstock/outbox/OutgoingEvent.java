package dev.outboxstock.outbox;

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
 * @param traceparent the W3C trace context to carry as a header, if any
 */
public record OutgoingEvent(
        UUID id, String aggregateType, String aggregateId, String type, Object payload, Optional<String> traceparent) {

    /** An event without trace context. */
    public static OutgoingEvent of(UUID id, String aggregateType, String aggregateId, String type, Object payload) {
        return new OutgoingEvent(id, aggregateType, aggregateId, type, payload, Optional.empty());
    }
}
