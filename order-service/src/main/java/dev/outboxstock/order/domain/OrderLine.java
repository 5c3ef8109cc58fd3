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

    /** When the line's current request was made: to take its stock, or to give it back. */
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    /** How many times the current request was sent: the reconciliation's pauses grow with it. */
    @Column(name = "times_asked", nullable = false)
    private int timesAsked;

    /** When to ask inventory again if it has not answered by then; null once it is not to be asked again. */
    @Column(name = "next_ask_at")
    private Instant nextAskAt;

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

    public int timesAsked() {
        return timesAsked;
    }

    /** When the reconciliation asks again if inventory has not answered by then; empty: it does not. */
    public Optional<Instant> nextAskAt() {
        return Optional.ofNullable(nextAskAt);
    }

    /** Whether the line waits for inventory's answer: to its stock request, or to its release. */
    public boolean awaitsAnswer() {
        return status == LineStatus.PENDING || status == LineStatus.RELEASE_REQUESTED;
    }

    /** The line's current request was sent (once more); unanswered, it is asked about again at {@code nextAsk}. */
    public void requestSent(Optional<Instant> nextAsk) {
        timesAsked++;
        nextAskAt = nextAsk.orElse(null);
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
        timesAsked = 0;
        nextAskAt = null;
    }

    void reject(String reason) {
        moveTo(LineStatus.REJECTED);
        rejectionReason = reason;
    }
}
