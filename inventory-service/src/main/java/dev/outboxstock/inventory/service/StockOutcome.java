package dev.outboxstock.inventory.service;

/** What consuming one stock event did. */
public enum StockOutcome {
    /** The stock changed. */
    APPLIED,
    /** Not enough units, or no such product: stock unchanged. */
    REJECTED,
    /** The event was processed before: nothing changed this time. */
    DUPLICATE
}
