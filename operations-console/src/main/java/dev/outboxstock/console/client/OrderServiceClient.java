package dev.outboxstock.console.client;

import dev.outboxstock.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads orders through order-service's API. */
@ApplicationScoped
public class OrderServiceClient {

    /** The statuses of an order, in the order of its life. */
    public static final List<String> STATUSES = List.of("PENDING", "CONFIRMED", "REJECTED", "CANCELLED");

    private static final int MAX_PAGE_SIZE = 100;

    private final JsonHttp http;
    private final URI base;

    public OrderServiceClient(JsonHttp http, ConsoleConfig config) {
        this.http = http;
        this.base = config.orderServiceUrl();
    }

    /** How many orders have each status now. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(status ->
                counts.put(status, page("/orders?size=1&status=" + status).total()));
        return counts;
    }

    /** The latest orders placed, newest first. */
    public List<OrderView> latest(int size) {
        return page("/orders?size=" + size).items();
    }

    /** The oldest pending orders placed before {@code before} (up to a page), each with its lines. */
    public List<OrderView> pendingSince(Instant before) {
        return page("/orders?size=" + MAX_PAGE_SIZE + "&status=PENDING&createdBefore=" + before)
                .items();
    }

    /** Orders placed since {@code since}, counted per {@code bucket} by their status now. */
    public TimelineView timeline(Instant since, Duration bucket) {
        return http.read(
                http.getAsCaller(base.resolve("/orders/timeline?since=" + since + "&bucket=" + bucket))
                        .ok(),
                TimelineView.class);
    }

    public Optional<OrderView> order(UUID id) {
        JsonHttp.Answer answer = http.getAsCaller(base.resolve("/orders/" + id));
        return answer.status() == 404 ? Optional.empty() : Optional.of(http.read(answer.ok(), OrderView.class));
    }

    private OrderView.Page page(String path) {
        return http.read(http.getAsCaller(base.resolve(path)).ok(), OrderView.Page.class);
    }
}
