package dev.outboxstock.inventory.domain;

/** Whether a stock movement changed the stock. */
public enum MovementOutcome {
    APPLIED,
    REJECTED
}
