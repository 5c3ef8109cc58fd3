package dev.outboxstock.console.deadletter;

/** Where a dead letter stands: waiting for an operator, sent to its topic again, or thrown away on purpose. */
public enum DeadLetterStatus {
    PENDING,
    REPLAYED,
    DISCARDED
}
