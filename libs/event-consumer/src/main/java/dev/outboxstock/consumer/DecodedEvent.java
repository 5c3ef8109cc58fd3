package dev.outboxstock.consumer;

/**
 * A valid event of the contract: which event it is and where it was read, its type (the {@code eventType} header)
 * and its payload.
 */
public record DecodedEvent<P>(EventSource source, String type, P payload) {}
