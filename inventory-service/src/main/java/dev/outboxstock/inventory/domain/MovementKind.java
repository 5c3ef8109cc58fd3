package dev.outboxstock.inventory.domain;

/** What a stock movement did or tried to do. */
public enum MovementKind {
    /** An order line took units. */
    DECREASE,
    /** A rejected or cancelled order line gave its units back. */
    RELEASE,
    /** New units arrived. */
    REPLENISH,
    /** An operator set the level. */
    SET
}
