package dev.outboxstock.order.rest;

import dev.outboxstock.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /orders/timeline}: orders placed per time bucket since {@code since}, by their status now. Buckets
 * without orders are left out.
 *
 * @param bucket the buckets' width, an ISO-8601 duration such as {@code PT1M}
 */
public record OrderTimelineResponse(Instant since, String bucket, List<Point> points) {

    /** One bucket: when it starts, and how many orders placed in it have each status. */
    public record Point(Instant start, Map<OrderStatus, Long> counts) {}
}
