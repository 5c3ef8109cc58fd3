package dev.outboxstock.console.client;

import java.time.Instant;

/** A product's stock as inventory-service's API shows it. */
public record ProductView(String id, int available, long version, Instant updatedAt) {}
