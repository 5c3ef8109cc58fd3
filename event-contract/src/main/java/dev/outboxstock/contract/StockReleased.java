package dev.outboxstock.contract;

import java.util.UUID;

/** Inventory took back the units of a released order line. Published on {@link StockOutcomeTopic#NAME}, keyed by order id. */
public record StockReleased(UUID orderId, String productId, int quantity) implements StockOutcome {

    public static final String TYPE = "StockReleased";
}
