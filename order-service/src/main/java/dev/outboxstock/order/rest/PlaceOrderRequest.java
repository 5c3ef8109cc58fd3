package dev.outboxstock.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /orders}. */
public record PlaceOrderRequest(
        @NotEmpty(message = "an order needs at least one line")
        @Size(max = PlaceOrderRequest.MAX_LINES, message = "an order has at most {max} lines")
        List<@NotNull(message = "a line must not be null") @Valid OrderLineRequest> lines) {

    public static final int MAX_LINES = 100;
}
