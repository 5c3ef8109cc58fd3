package dev.outboxstock.contract;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** Inventory took back the units of a released order line. Published on {@link StockOutcomeTopic#NAME}, keyed by order id. */
public record StockReleased(
        @NotNull UUID orderId,
        @NotNull @Pattern(regexp = ProductIdFormat.PATTERN) String productId,
        @Min(1) int quantity)
        implements StockOutcome {

    public static final String TYPE = "StockReleased";
}
