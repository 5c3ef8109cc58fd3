package dev.outboxstock.relay.testing;

import dev.outboxstock.contract.StockTopic;
import java.util.Optional;
import java.util.UUID;

/** An outbox row as a service writes it; any column but the id may be null, to test what the relay does then. */
public record OutboxRow(
        UUID id, String aggregateType, String aggregateId, String type, String payload, String traceparent) {

    public static OutboxRow stock(String productId, String payload) {
        return new OutboxRow(UUID.randomUUID(), StockTopic.AGGREGATE_TYPE, productId, "TestEvent", payload, null);
    }

    public OutboxRow withTraceparent(String value) {
        return new OutboxRow(id, aggregateType, aggregateId, type, payload, value);
    }

    public OutboxRow withAggregateType(String value) {
        return new OutboxRow(id, value, aggregateId, type, payload, traceparent);
    }

    /** The row as the event contract's routing rule sees it. */
    public dev.outboxstock.contract.OutboxRow toContract() {
        return new dev.outboxstock.contract.OutboxRow(
                id, aggregateType, aggregateId, type, payload, Optional.ofNullable(traceparent));
    }
}
