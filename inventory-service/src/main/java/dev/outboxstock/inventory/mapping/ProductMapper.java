package dev.outboxstock.inventory.mapping;

import dev.outboxstock.inventory.domain.Product;
import dev.outboxstock.inventory.rest.ProductResponse;

/** Maps products to what the API shows. */
public final class ProductMapper {

    private ProductMapper() {}

    public static ProductResponse toResponse(Product product) {
        return new ProductResponse(product.id(), product.available(), product.version(), product.updatedAt());
    }
}
