package dev.outboxstock.order.rest;

import dev.outboxstock.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it. */
public record OrderResponse(UUID id, OrderStatus status, Instant createdAt, List<Line> lines) {

    public record Line(int lineNumber, String productId, int quantity) {}
}
