package dev.outboxstock.console.overview;

import dev.outboxstock.console.client.MovementView;
import dev.outboxstock.console.client.ProductView;
import java.util.List;

/** Stock: the first products, and the one asked for with its movement history; or why it could not be read. */
public record StockSection(
        List<ProductView> products,
        String requested,
        ProductView product,
        List<MovementView> movements,
        String error) {}
