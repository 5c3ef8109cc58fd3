package dev.outboxstock.console.client;

import dev.outboxstock.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads stock through inventory-service's API. */
@ApplicationScoped
public class InventoryServiceClient {

    private final JsonHttp http;
    private final URI base;

    public InventoryServiceClient(JsonHttp http, ConsoleConfig config) {
        this.http = http;
        this.base = config.inventoryServiceUrl();
    }

    /** The first products by id. */
    public List<ProductView> products(int size) {
        return Arrays.asList(http.read(
                http.getAsCaller(base.resolve("/products?size=" + size)).ok(), ProductView[].class));
    }

    public Optional<ProductView> product(String id) {
        JsonHttp.Answer answer = http.getAsCaller(base.resolve("/products/" + encode(id)));
        return answer.status() == 404 ? Optional.empty() : Optional.of(http.read(answer.ok(), ProductView.class));
    }

    /** The product's latest stock movements, newest first. */
    public List<MovementView> movements(String id, int size) {
        return Arrays.asList(http.read(
                http.getAsCaller(base.resolve("/products/" + encode(id) + "/movements?size=" + size))
                        .ok(),
                MovementView[].class));
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
