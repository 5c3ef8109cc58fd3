package dev.outboxstock.contract;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * Payload of the event that asks inventory to take {@code quantity} units of a product for one order line.
 * Published on {@link StockTopic#NAME} with the product id as the record key.
 */
public record StockDecreaseRequested(
        @NotNull UUID orderId,
        @NotNull @Pattern(regexp = ProductIdFormat.PATTERN) String productId,
        @Min(1) int quantity)
        implements StockEvent {

    public static final String TYPE = "StockDecreaseRequested";
}
