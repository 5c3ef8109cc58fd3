package dev.outboxstock.contract;

import java.util.UUID;

/**
 * Inventory could not take the units an order line asked for; stock is unchanged. Published on
 * {@link StockOutcomeTopic#NAME}, keyed by order id.
 */
public record StockDecreaseRejected(UUID orderId, String productId, int quantity, RejectionReason reason)
        implements StockOutcome {

    public static final String TYPE = "StockDecreaseRejected";

    public enum RejectionReason {
        /** Fewer units available than asked for. */
        INSUFFICIENT_STOCK,
        /** Inventory has no such product. */
        UNKNOWN_PRODUCT
    }
}
