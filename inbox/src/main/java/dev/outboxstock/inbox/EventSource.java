package dev.outboxstock.inbox;

import java.util.UUID;

/** Which event a change comes from, and the Kafka record that carried it. */
public record EventSource(UUID eventId, int partition, long offset) {}
