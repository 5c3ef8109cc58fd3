package dev.outboxstock.inventory.service;

import dev.outboxstock.consumer.EventSource;
import dev.outboxstock.consumer.Inbox;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.inventory.domain.MovementKind;
import java.util.Optional;
import java.util.UUID;

/**
 * A consumed stock event, as inventory applies it: which event it is, what it does to which product, and for which
 * order (none for a replenishment).
 */
public record StockChange(
        EventSource source, MovementKind kind, String productId, int quantity, Optional<UUID> orderId) {

    public static StockChange of(EventSource source, StockDecreaseRequested request) {
        return new StockChange(
                source, MovementKind.DECREASE, request.productId(), request.quantity(), Optional.of(request.orderId()));
    }

    public static StockChange of(EventSource source, StockReleaseRequested request) {
        return new StockChange(
                source, MovementKind.RELEASE, request.productId(), request.quantity(), Optional.of(request.orderId()));
    }

    public static StockChange of(EventSource source, StockReplenished replenishment) {
        return new StockChange(
                source, MovementKind.REPLENISH, replenishment.productId(), replenishment.quantity(), Optional.empty());
    }

    public UUID eventId() {
        return source.eventId();
    }

    /** Whether the change gives units to the product, which it creates when it does not know it. */
    boolean addsUnits() {
        return kind == MovementKind.RELEASE || kind == MovementKind.REPLENISH;
    }

    /** The type of the event the change comes from, as its {@code eventType} header names it. */
    public String eventType() {
        return switch (kind) {
            case DECREASE -> StockDecreaseRequested.TYPE;
            case RELEASE -> StockReleaseRequested.TYPE;
            case REPLENISH -> StockReplenished.TYPE;
            case SET -> throw new IllegalStateException("An operator's change is not an event");
        };
    }

    Inbox.Claim claim() {
        return new Inbox.Claim(source, eventType());
    }
}
