package dev.outboxstock.order.mapping;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.rest.OrderResponse;

/** Maps orders to what the API shows. */
public final class OrderMapper {

    private OrderMapper() {}

    public static OrderResponse toResponse(CustomerOrder order) {
        return new OrderResponse(
                order.id(),
                order.status(),
                order.createdAt(),
                order.lines().stream()
                        .map(line -> new OrderResponse.Line(line.lineNumber(), line.productId(), line.quantity()))
                        .toList());
    }
}
