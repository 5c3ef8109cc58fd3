package dev.outboxstock.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One product of an order, how many units, and what inventory did with them. */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private CustomerOrder order;

    @Column(name = "line_number", nullable = false)
    private int lineNumber;

    @Column(name = "product_id", nullable = false)
    private String productId;

    @Column(nullable = false)
    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LineStatus status;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    /** When inventory was last asked about this line: its stock, or to give it back. */
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected OrderLine() {}

    OrderLine(CustomerOrder order, int lineNumber, String productId, int quantity, Instant now) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.lineNumber = lineNumber;
        this.productId = productId;
        this.quantity = quantity;
        this.status = LineStatus.PENDING;
        this.requestedAt = now;
    }

    public UUID id() {
        return id;
    }

    /** The order the line belongs to. */
    public UUID orderId() {
        return order.id();
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String productId() {
        return productId;
    }

    public int quantity() {
        return quantity;
    }

    public LineStatus status() {
        return status;
    }

    public Optional<String> rejectionReason() {
        return Optional.ofNullable(rejectionReason);
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /** Whether the line waits for inventory's answer: to its stock request, or to its release. */
    public boolean awaitsAnswer() {
        return status == LineStatus.PENDING || status == LineStatus.RELEASE_REQUESTED;
    }

    /** Inventory was asked about the line again. */
    public void askedAgain(Instant now) {
        requestedAt = now;
    }

    void moveTo(LineStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(
                    "Line " + lineNumber + " (" + productId + ") cannot go from " + status + " to " + next);
        }
        status = next;
    }

    void requestRelease(Instant now) {
        moveTo(LineStatus.RELEASE_REQUESTED);
        requestedAt = now;
    }

    void reject(String reason) {
        moveTo(LineStatus.REJECTED);
        rejectionReason = reason;
    }
}
