package dev.outboxstock.order.service;

import dev.outboxstock.order.domain.CustomerOrder;

/** The order a request placed, or the one an earlier request with the same Idempotency-Key placed. */
public record PlacedOrder(CustomerOrder order, boolean replayed) {}
