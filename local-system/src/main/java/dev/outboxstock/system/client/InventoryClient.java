package dev.outboxstock.system.client;

import java.net.URI;
import java.util.Optional;

/** A typed client of inventory-service's stock API. */
public final class InventoryClient {

    private final JsonHttp http;

    /** {@code token}: a bearer token with the role {@code stock-admin} (to set stock; any role reads it). */
    public InventoryClient(URI baseUri, String token) {
        this.http = new JsonHttp(baseUri, token);
    }

    public Product setStock(String productId, int available) {
        return http.send("PUT", "/products/" + productId + "/stock", new StockLevel(available), 200, Product.class);
    }

    public Optional<Product> findProduct(String productId) {
        return http.find("/products/" + productId, Product.class);
    }

    /** Units available now; zero for a product inventory does not know. */
    public int available(String productId) {
        return findProduct(productId).map(Product::available).orElse(0);
    }

    public record Product(String id, int available, long version) {}

    private record StockLevel(int available) {}
}
