package dev.outboxstock.order.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** An order and its lines, one line per product. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNumber")
    private List<OrderLine> lines = new ArrayList<>();

    protected CustomerOrder() {}

    /** A new pending order; lines are numbered in the given order, from 1. */
    public static CustomerOrder place(List<ProductQuantity> items, Instant now) {
        CustomerOrder order = new CustomerOrder();
        order.id = UUID.randomUUID();
        order.status = OrderStatus.PENDING;
        order.createdAt = now;
        for (ProductQuantity item : items) {
            order.lines.add(new OrderLine(order, order.lines.size() + 1, item.productId(), item.quantity()));
        }
        return order;
    }

    public UUID id() {
        return id;
    }

    public OrderStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
