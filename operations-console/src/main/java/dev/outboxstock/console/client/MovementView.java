package dev.outboxstock.console.client;

import java.time.Instant;
import java.util.UUID;

/** One line of a product's stock history, as inventory-service's API shows it. */
public record MovementView(
        long id,
        UUID eventId,
        UUID orderId,
        String kind,
        int quantity,
        String outcome,
        String reason,
        Integer availableAfter,
        Instant recordedAt) {}
