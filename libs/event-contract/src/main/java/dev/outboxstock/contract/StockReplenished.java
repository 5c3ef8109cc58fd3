package dev.outboxstock.contract;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * New units of a product arrived (a delivery, a return to the shelf). Published on {@link StockTopic#NAME} with the
 * product id as the record key; a product inventory does not know yet is created.
 */
public record StockReplenished(
        @NotNull @Pattern(regexp = ProductIdFormat.PATTERN) String productId,
        @Min(1) int quantity) implements StockEvent {

    public static final String TYPE = "StockReplenished";
}
