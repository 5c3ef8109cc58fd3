package dev.outboxstock.order.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /orders}. Each product may appear on one line only: a second line for the same product
 * is rejected rather than merged, so that what the client sent is exactly what the order holds.
 */
public record PlaceOrderRequest(
        @NotEmpty(message = "an order needs at least one line")
        @Size(max = PlaceOrderRequest.MAX_LINES, message = "an order has at most {max} lines")
        List<@NotNull(message = "a line must not be null") @Valid OrderLineRequest> lines) {

    public static final int MAX_LINES = 100;

    @JsonIgnore
    @AssertTrue(message = "each product may appear on one line only")
    public boolean isEachProductOnce() {
        if (lines == null) {
            return true;
        }
        List<String> products = lines.stream()
                .filter(Objects::nonNull)
                .map(OrderLineRequest::productId)
                .toList();
        return products.stream().distinct().count() == products.size();
    }
}
