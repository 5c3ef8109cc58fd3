package dev.outboxstock.console.overview;

import dev.outboxstock.console.client.OrderView;
import java.util.List;
import java.util.Map;

/**
 * Orders: how many have each status, those placed in the last hour over time, the latest ones, and those pending
 * longer than the threshold with their lines; or why order-service could not be read.
 */
public record OrdersSection(
        Map<String, Long> counts,
        StatusChart chart,
        List<OrderView> latest,
        List<OrderView> stuck,
        String threshold,
        String error) {}
