package dev.outboxstock.inventory.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /products/{id}/stock}: the units now available. */
public record StockLevelRequest(
        @NotNull(message = "available is required")
        @Min(value = 0, message = "available must not be negative")
        @Max(value = StockLevelRequest.MAX_AVAILABLE, message = "available must be at most {value}")
        Integer available) {

    public static final int MAX_AVAILABLE = 1_000_000_000;
}
