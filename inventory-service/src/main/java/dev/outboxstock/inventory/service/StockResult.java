package dev.outboxstock.inventory.service;

/** What applying one stock event did. */
public enum StockResult {
    /** The stock changed. */
    APPLIED,
    /** Not enough units, or no such product: stock unchanged. */
    REJECTED,
    /** The event was processed before: nothing changed this time. */
    DUPLICATE
}
