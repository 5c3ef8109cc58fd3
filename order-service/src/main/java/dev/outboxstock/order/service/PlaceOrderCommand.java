package dev.outboxstock.order.service;

import dev.outboxstock.order.domain.ProductQuantity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A request to place an order: who orders (the token's subject), what, and the customer's optional Idempotency-Key.
 */
public record PlaceOrderCommand(String owner, List<ProductQuantity> items, Optional<String> idempotencyKey) {

    /** Identifies what was asked for, so that a key reused for a different request can be told apart. */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        items.forEach(item -> canonical
                .append(item.productId())
                .append('\n')
                .append(item.quantity())
                .append('\n'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
