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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order and its lines, one line per product, and the order's life: it is confirmed when inventory took the
 * stock of every line, rejected as soon as it refused one, and may be cancelled while pending. Each change
 * returns the lines whose stock must now be given back (compensation), so the caller can ask inventory to.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    /** The subject of the token that placed it; none for orders placed before the API was authenticated. */
    @Column(name = "owner", updatable = false)
    private String owner;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Changes of one order are serialised by the outcome topic's key; this catches any that are not. */
    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNumber")
    private List<OrderLine> lines = new ArrayList<>();

    protected CustomerOrder() {}

    /** A new pending order of {@code owner}; lines are numbered in the given order, from 1. */
    public static CustomerOrder place(UUID id, String owner, List<ProductQuantity> items, Instant now) {
        CustomerOrder order = new CustomerOrder();
        order.id = id;
        order.owner = owner;
        order.status = OrderStatus.PENDING;
        order.createdAt = now;
        order.updatedAt = now;
        for (ProductQuantity item : items) {
            order.lines.add(new OrderLine(order, order.lines.size() + 1, item.productId(), item.quantity(), now));
        }
        return order;
    }

    /** Inventory took the line's units. */
    public List<OrderLine> stockTaken(String productId, Instant now) {
        OrderLine line = line(productId);
        line.moveTo(LineStatus.RESERVED);
        updatedAt = now;
        if (status.givesStockBack()) {
            line.requestRelease(now);
            return List.of(line);
        }
        if (lines.stream().allMatch(each -> each.status() == LineStatus.RESERVED)) {
            moveTo(OrderStatus.CONFIRMED);
        }
        return List.of();
    }

    /** Inventory did not take the line's units: a pending order is rejected. */
    public List<OrderLine> stockRefused(String productId, String reason, Instant now) {
        line(productId).reject(reason);
        updatedAt = now;
        if (status != OrderStatus.PENDING) {
            return List.of();
        }
        moveTo(OrderStatus.REJECTED);
        rejectionReason = reason + ": " + productId;
        return releaseReservedLines(now);
    }

    /**
     * Inventory did not answer for too long: a pending order is rejected, and what its lines took is given back. A
     * line still waiting may be answered later; stock it turns out to have taken is then given back too.
     */
    public List<OrderLine> timeOut(String reason, Instant now) {
        moveTo(OrderStatus.REJECTED);
        rejectionReason = reason;
        updatedAt = now;
        return releaseReservedLines(now);
    }

    /** Inventory took back a line's units. */
    public void stockReleased(String productId, Instant now) {
        line(productId).moveTo(LineStatus.RELEASED);
        updatedAt = now;
    }

    /** Cancels a pending order; a cancelled one stays cancelled. */
    public List<OrderLine> cancel(Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return List.of();
        }
        moveTo(OrderStatus.CANCELLED);
        updatedAt = now;
        return releaseReservedLines(now);
    }

    public String owner() {
        return owner;
    }

    public UUID id() {
        return id;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<String> rejectionReason() {
        return Optional.ofNullable(rejectionReason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    private List<OrderLine> releaseReservedLines(Instant now) {
        List<OrderLine> reserved = lines.stream()
                .filter(line -> line.status() == LineStatus.RESERVED)
                .toList();
        reserved.forEach(line -> line.requestRelease(now));
        return reserved;
    }

    private void moveTo(OrderStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException("Order " + id + " cannot go from " + status + " to " + next);
        }
        status = next;
    }

    private OrderLine line(String productId) {
        return lines.stream()
                .filter(line -> line.productId().equals(productId))
                .findFirst()
                .orElseThrow(() -> new IllegalTransitionException("Order " + id + " has no line for " + productId));
    }
}
