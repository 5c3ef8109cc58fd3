package dev.outboxstock.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** One product of an order and how many units of it. */
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

    protected OrderLine() {}

    OrderLine(CustomerOrder order, int lineNumber, String productId, int quantity) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.lineNumber = lineNumber;
        this.productId = productId;
        this.quantity = quantity;
    }

    public UUID id() {
        return id;
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
}
