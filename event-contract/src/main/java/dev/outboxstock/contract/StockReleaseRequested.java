package dev.outboxstock.contract;

import java.util.UUID;

/**
 * Gives back {@code quantity} units that an order line took: the order was rejected or cancelled. Published on
 * {@link StockTopic#NAME} with the product id as the record key.
 */
public record StockReleaseRequested(UUID orderId, String productId, int quantity) {

    public static final String TYPE = "StockReleaseRequested";
}
