package dev.outboxstock.contract;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * Inventory could not take the units an order line asked for; stock is unchanged. Published on
 * {@link StockOutcomeTopic#NAME}, keyed by order id.
 */
public record StockDecreaseRejected(
        @NotNull UUID orderId,
        @NotNull @Pattern(regexp = ProductIdFormat.PATTERN) String productId,
        @Min(1) int quantity,
        @NotNull RejectionReason reason)
        implements StockOutcome {

    public static final String TYPE = "StockDecreaseRejected";

    public enum RejectionReason {
        /** Fewer units available than asked for. */
        INSUFFICIENT_STOCK,
        /** Inventory has no such product. */
        UNKNOWN_PRODUCT
    }
}
