package dev.outboxstock.contract;

import java.util.UUID;

/**
 * Payload of the event that asks inventory to take {@code quantity} units of a product for one order line.
 * Published on {@link StockTopic#NAME} with the product id as the record key.
 */
public record StockDecreaseRequested(UUID orderId, String productId, int quantity) {

    public static final String TYPE = "StockDecreaseRequested";
}
