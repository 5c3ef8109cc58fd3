package dev.outboxstock.order.mapping;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.order.domain.OrderStatus;
import dev.outboxstock.order.repository.OrderRepository;
import dev.outboxstock.order.rest.OrderPageResponse;
import dev.outboxstock.order.rest.OrderResponse;
import dev.outboxstock.order.rest.OrderTimelineResponse;
import dev.outboxstock.order.service.OrderPage;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** The counts, one point per bucket in time order, each with its statuses in their declared order. */
    public static OrderTimelineResponse toTimeline(
            Instant since, Duration bucket, List<OrderRepository.StatusCount> counts) {
        Map<Instant, Map<OrderStatus, Long>> byBucket = new TreeMap<>();
        counts.forEach(count -> byBucket.computeIfAbsent(count.bucketStart(), start -> new EnumMap<>(OrderStatus.class))
                .put(count.status(), count.count()));
        return new OrderTimelineResponse(
                since,
                bucket.toString(),
                byBucket.entrySet().stream()
                        .map(point -> new OrderTimelineResponse.Point(point.getKey(), point.getValue()))
                        .toList());
    }
}
