package dev.outboxstock.contract;

import java.util.UUID;

/** Inventory took the units an order line asked for. Published on {@link StockOutcomeTopic#NAME}, keyed by order id. */
public record StockDecreased(UUID orderId, String productId, int quantity) implements StockOutcome {

    public static final String TYPE = "StockDecreased";
}
