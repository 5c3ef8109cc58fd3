package dev.outboxstock.order.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outboxstock.order.domain.LineStatus;
import dev.outboxstock.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it: its status, and what inventory did with each line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderResponse(
        UUID id, OrderStatus status, String rejectionReason, Instant createdAt, Instant updatedAt, List<Line> lines) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(int lineNumber, String productId, int quantity, LineStatus status, String rejectionReason) {}
}
