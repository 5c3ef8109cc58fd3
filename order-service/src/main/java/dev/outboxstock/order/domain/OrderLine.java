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

    protected OrderLine() {}

    OrderLine(CustomerOrder order, int lineNumber, String productId, int quantity) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.lineNumber = lineNumber;
        this.productId = productId;
        this.quantity = quantity;
        this.status = LineStatus.PENDING;
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

    void moveTo(LineStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(
                    "Line " + lineNumber + " (" + productId + ") cannot go from " + status + " to " + next);
        }
        status = next;
    }

    void reject(String reason) {
        moveTo(LineStatus.REJECTED);
        rejectionReason = reason;
    }
}
