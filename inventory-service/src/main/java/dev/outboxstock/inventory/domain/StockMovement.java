package dev.outboxstock.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of a product's stock history: applied or rejected, why, and the level it left behind. A consumed event has
 * one line of its kind, kept for good: what tells it came before (and what it was answered) once the inbox forgot it.
 */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "product_id", nullable = false)
    private String productId;

    @Column(name = "order_id")
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MovementKind kind;

    @Column(nullable = false)
    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MovementOutcome outcome;

    private String reason;

    @Column(name = "available_after")
    private Integer availableAfter;

    /** Set by the database when the row is written. */
    @Column(name = "recorded_at", insertable = false, updatable = false)
    private Instant recordedAt;

    protected StockMovement() {}

    private StockMovement(
            UUID eventId,
            String productId,
            UUID orderId,
            MovementKind kind,
            int quantity,
            MovementOutcome outcome,
            String reason,
            Integer availableAfter) {
        this.eventId = eventId;
        this.productId = productId;
        this.orderId = orderId;
        this.kind = kind;
        this.quantity = quantity;
        this.outcome = outcome;
        this.reason = reason;
        this.availableAfter = availableAfter;
    }

    public static StockMovement applied(
            UUID eventId, String productId, UUID orderId, MovementKind kind, int quantity, int availableAfter) {
        return new StockMovement(
                eventId, productId, orderId, kind, quantity, MovementOutcome.APPLIED, null, availableAfter);
    }

    public static StockMovement rejected(
            UUID eventId, String productId, UUID orderId, MovementKind kind, int quantity, String reason) {
        return new StockMovement(eventId, productId, orderId, kind, quantity, MovementOutcome.REJECTED, reason, null);
    }

    /**
     * The event that caused the movement, which causes no other of its kind; empty for an operator's change, and for
     * a copy of an event applied again before that was enforced (migration V3).
     */
    public Optional<UUID> eventId() {
        return Optional.ofNullable(eventId);
    }

    public String productId() {
        return productId;
    }

    /** The order the movement is for; empty for a replenishment or an operator's change. */
    public Optional<UUID> orderId() {
        return Optional.ofNullable(orderId);
    }

    public MovementKind kind() {
        return kind;
    }

    public int quantity() {
        return quantity;
    }

    public MovementOutcome outcome() {
        return outcome;
    }

    /** Why the movement was rejected; empty when it was applied. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The level the movement left behind; empty when it was rejected. */
    public Optional<Integer> availableAfter() {
        return Optional.ofNullable(availableAfter);
    }

    public long id() {
        return id;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
