package dev.outboxstock.order.domain;

import java.util.Set;

/** Where an order is in its life, and where it may go from there. */
public enum OrderStatus {
    /** Accepted; inventory has not answered for every line yet. */
    PENDING,
    /** Inventory took the stock of every line. Final. */
    CONFIRMED,
    /** Inventory could not take the stock of a line; what other lines took is given back. Final. */
    REJECTED,
    /** The customer cancelled before the order was confirmed or rejected; taken stock is given back. Final. */
    CANCELLED;

    public boolean canBecome(OrderStatus next) {
        return this == PENDING && Set.of(CONFIRMED, REJECTED, CANCELLED).contains(next);
    }

    /** Whether stock that a line takes from now on must be given back. */
    public boolean givesStockBack() {
        return this == REJECTED || this == CANCELLED;
    }
}
