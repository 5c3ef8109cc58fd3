package dev.outboxstock.order.domain;

/** Where an order is in its life. */
public enum OrderStatus {
    /** Accepted and recorded; its stock requests are on their way to inventory. */
    PENDING
}
