package dev.outboxstock.console.deadletter;

/** What an operator did with dead letters. */
public enum ActionKind {
    REPLAY,
    DISCARD
}
