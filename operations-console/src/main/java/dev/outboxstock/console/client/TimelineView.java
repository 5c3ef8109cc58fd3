package dev.outboxstock.console.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Orders placed per time bucket, by their status now, as order-service's {@code GET /orders/timeline} shows them. */
public record TimelineView(Instant since, Duration bucket, List<Point> points) {

    public record Point(Instant start, Map<String, Long> counts) {}
}
