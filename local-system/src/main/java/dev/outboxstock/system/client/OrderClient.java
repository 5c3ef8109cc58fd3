package dev.outboxstock.system.client;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A typed client of order-service's HTTP API, with its own view of the messages it exchanges. */
public final class OrderClient {

    private final JsonHttp http;

    public OrderClient(URI baseUri) {
        this.http = new JsonHttp(baseUri);
    }

    public Order placeOrder(List<Line> lines) {
        return http.send("POST", "/orders", new PlaceOrder(lines), 201, Order.class);
    }

    public Optional<Order> findOrder(UUID id) {
        return http.find("/orders/" + id, Order.class);
    }

    public record Line(String productId, int quantity) {}

    public record Order(UUID id, String status, List<Line> lines) {}

    private record PlaceOrder(List<Line> lines) {}
}
