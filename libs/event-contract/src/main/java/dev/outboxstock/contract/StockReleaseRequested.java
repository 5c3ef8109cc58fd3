package dev.outboxstock.contract;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * Gives back {@code quantity} units that an order line took: the order was rejected or cancelled. Published on
 * {@link StockTopic#NAME} with the product id as the record key.
 */
public record StockReleaseRequested(
        @NotNull UUID orderId,
        @NotNull @Pattern(regexp = ProductIdFormat.PATTERN) String productId,
        @Min(1) int quantity)
        implements StockEvent {

    public static final String TYPE = "StockReleaseRequested";
}
