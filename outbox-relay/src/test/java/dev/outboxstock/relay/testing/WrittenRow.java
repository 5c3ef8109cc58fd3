package dev.outboxstock.relay.testing;

import dev.outboxstock.contract.StockTopic;
import java.util.Optional;
import java.util.UUID;

/** An outbox row as a service writes it; any column but the id may be null, to test what the relay does then. */
public record WrittenRow(
        UUID id, String aggregateType, String aggregateId, String type, String payload, String traceparent) {

    public static WrittenRow stock(String productId, String payload) {
        return new WrittenRow(UUID.randomUUID(), StockTopic.AGGREGATE_TYPE, productId, "TestEvent", payload, null);
    }

    public WrittenRow withTraceparent(String value) {
        return new WrittenRow(id, aggregateType, aggregateId, type, payload, value);
    }

    public WrittenRow withAggregateType(String value) {
        return new WrittenRow(id, value, aggregateId, type, payload, traceparent);
    }

    /** The row as the event contract's routing rule sees it. */
    public dev.outboxstock.contract.OutboxRow toContract() {
        return new dev.outboxstock.contract.OutboxRow(
                id, aggregateType, aggregateId, type, payload, Optional.ofNullable(traceparent));
    }
}
