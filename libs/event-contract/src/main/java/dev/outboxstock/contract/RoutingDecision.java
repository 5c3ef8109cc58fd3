package dev.outboxstock.contract;

/** What {@link OutboxRouting} makes of an outbox row: a record for its topic, or the reason it cannot have one. */
public sealed interface RoutingDecision {

    record Routed(RelayedRecord record) implements RoutingDecision {}

    /** @param detail what is wrong with the row, in words, for the dead letter's detail header */
    record Unroutable(DeadLetterReason reason, String detail) implements RoutingDecision {}
}
