package dev.outboxstock.console.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as order-service's API shows it. */
public record OrderView(
        UUID id, String status, String rejectionReason, Instant createdAt, Instant updatedAt, List<Line> lines) {

    public record Line(int lineNumber, String productId, int quantity, String status, String rejectionReason) {}

    /** A page of {@code GET /orders}. */
    public record Page(List<OrderView> items, long total) {}
}
