package dev.outboxstock.order.rest;

import dev.outboxstock.contract.ProductIdFormat;
import dev.outboxstock.order.domain.ProductQuantity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One line of {@code POST /orders}: a product and how many units of it. */
public record OrderLineRequest(
        @NotNull(message = "productId is required")
        @Pattern(regexp = ProductIdFormat.PATTERN, message = ProductIdFormat.MESSAGE)
        String productId,

        @NotNull(message = "quantity is required")
        @Min(value = 1, message = "quantity must be at least {value}")
        @Max(value = OrderLineRequest.MAX_QUANTITY, message = "quantity must be at most {value}")
        Integer quantity) {

    public static final int MAX_QUANTITY = 10_000;

    ProductQuantity toProductQuantity() {
        return new ProductQuantity(productId, quantity);
    }
}
