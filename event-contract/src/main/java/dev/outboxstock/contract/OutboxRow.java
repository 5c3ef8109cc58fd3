package dev.outboxstock.contract;

import java.util.Optional;
import java.util.UUID;

/**
 * The columns of one outbox row that leave the service: what {@link OutboxRouting#route} turns into a Kafka record.
 *
 * @param payload the payload as the database gives it back (jsonb's text form), byte for byte the record value
 */
public record OutboxRow(
        UUID id, String aggregateType, String aggregateId, String type, String payload, Optional<String> traceparent) {}
