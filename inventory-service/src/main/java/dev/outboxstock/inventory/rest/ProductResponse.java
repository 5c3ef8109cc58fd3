package dev.outboxstock.inventory.rest;

import java.time.Instant;

/** A product's stock as the API shows it. */
public record ProductResponse(String id, int available, long version, Instant updatedAt) {}
