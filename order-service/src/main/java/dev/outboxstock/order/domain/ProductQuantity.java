package dev.outboxstock.order.domain;

/** A number of units of one product, as a customer asks for them. */
public record ProductQuantity(String productId, int quantity) {}
