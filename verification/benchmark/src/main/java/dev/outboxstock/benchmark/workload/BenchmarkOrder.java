package dev.outboxstock.benchmark.workload;

import dev.outboxstock.contract.StockDecreaseRequested;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One generated order. {@code id} and each line's {@code eventId} are what a writer that bypasses order-service
 * uses; order-service assigns its own.
 */
public record BenchmarkOrder(UUID id, List<Line> lines) {

    /** A W3C trace context, as a request would bring; order-service stores it with each outbox row. */
    public static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /** The body of {@code POST /orders}. */
    public String placeOrderJson() {
        return lines.stream()
                .map(line -> "{\"productId\":\"" + line.productId() + "\",\"quantity\":" + line.quantity() + "}")
                .collect(Collectors.joining(",", "{\"lines\":[", "]}"));
    }

    /**
     * One order line, and the id of the {@link StockDecreaseRequested} event it causes.
     *
     * @param eventId the outbox row's id when a benchmark writer writes the row itself
     */
    public record Line(UUID eventId, String productId, int quantity) {

        /** The outbox payload order-service writes for this line: a {@link StockDecreaseRequested}. */
        public String stockRequestJson(UUID orderId) {
            return "{\"orderId\":\"" + orderId + "\",\"productId\":\"" + productId + "\",\"quantity\":" + quantity
                    + "}";
        }
    }
}
