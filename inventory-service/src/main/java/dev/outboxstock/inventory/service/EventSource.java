package dev.outboxstock.inventory.service;

import java.util.UUID;

/** Which event a change comes from, and the Kafka record that carried it. */
public record EventSource(UUID eventId, int partition, long offset) {}
