package dev.outboxstock.order.mapping;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.order.rest.OrderPageResponse;
import dev.outboxstock.order.rest.OrderResponse;
import dev.outboxstock.order.service.OrderPage;

/** Maps orders to what the API shows. */
public final class OrderMapper {

    private OrderMapper() {}

    public static OrderResponse toResponse(CustomerOrder order) {
        return new OrderResponse(
                order.id(),
                order.status(),
                order.rejectionReason().orElse(null),
                order.createdAt(),
                order.updatedAt(),
                order.lines().stream().map(OrderMapper::toResponse).toList());
    }

    public static OrderPageResponse toResponse(OrderPage page, int index, int size) {
        return new OrderPageResponse(
                page.orders().stream().map(OrderMapper::toResponse).toList(), index, size, page.total());
    }

    private static OrderResponse.Line toResponse(OrderLine line) {
        return new OrderResponse.Line(
                line.lineNumber(),
                line.productId(),
                line.quantity(),
                line.status(),
                line.rejectionReason().orElse(null));
    }
}
