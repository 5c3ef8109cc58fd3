package dev.outboxstock.system.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A typed client of order-service's HTTP API, with its own view of the messages it exchanges, as the customer whose
 * token it presents.
 */
public final class OrderClient {

    private final JsonHttp http;

    /** {@code token}: a bearer token with the role {@code customer}. */
    public OrderClient(URI baseUri, String token) {
        this.http = new JsonHttp(baseUri, token);
    }

    public Order placeOrder(List<Line> lines) {
        return http.send("POST", "/orders", new PlaceOrder(lines), 201, Order.class);
    }

    /** Places an order at most once for this key, however often it is retried. */
    public Order placeOrder(String idempotencyKey, List<Line> lines) {
        return http.send(
                "POST", "/orders", new PlaceOrder(lines), Map.of("Idempotency-Key", idempotencyKey), 201, Order.class);
    }

    public Optional<Order> findOrder(UUID id) {
        return http.find("/orders/" + id, Order.class);
    }

    /** @throws UnexpectedResponseException with status 409 when the order is already confirmed or rejected */
    public Order cancel(UUID id) {
        return http.send("POST", "/orders/" + id + "/cancel", null, 200, Order.class);
    }

    public record Line(String productId, int quantity) {}

    public record Order(UUID id, String status, String rejectionReason, List<OrderLine> lines) {

        public boolean isSettled() {
            return "CONFIRMED".equals(status) || "REJECTED".equals(status) || "CANCELLED".equals(status);
        }
    }

    public record OrderLine(String productId, int quantity, String status, String rejectionReason) {}

    private record PlaceOrder(List<Line> lines) {}
}
