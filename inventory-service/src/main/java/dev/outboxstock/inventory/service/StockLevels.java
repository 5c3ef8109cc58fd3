package dev.outboxstock.inventory.service;

import dev.outboxstock.contract.StockLevel;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.outbox.OutgoingEvent;
import java.util.UUID;

/**
 * The level events inventory writes to its outbox beside each stock change, in the change's transaction: a level is
 * published exactly when the change that made it commits, never before and never for a change rolled back. Keyed by
 * product, so that the compacted topic keeps each product's latest level. Each is a new event (a random id): a level
 * is a fact about one commit, not an answer to a request.
 */
final class StockLevels {

    private StockLevels() {}

    static OutgoingEvent of(String productId, int available) {
        return OutgoingEvent.of(
                UUID.randomUUID(),
                StockLevelTopic.AGGREGATE_TYPE,
                productId,
                StockLevel.TYPE,
                new StockLevel(productId, available));
    }
}
