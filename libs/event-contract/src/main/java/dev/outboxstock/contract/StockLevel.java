package dev.outboxstock.contract;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A product's available units as a committed change left them (an operator's level, a batch's decreases, releases
 * and replenishments). Published on {@link StockLevelTopic#NAME}, keyed by product id: the latest record of a key is
 * the product's level. A hint for the door of order-service, never a reservation.
 */
public record StockLevel(
        @NotNull @Pattern(regexp = ProductIdFormat.PATTERN) String productId,
        @Min(0) int available) {

    public static final String TYPE = "StockLevel";
}
