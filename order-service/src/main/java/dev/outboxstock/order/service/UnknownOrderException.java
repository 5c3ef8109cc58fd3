package dev.outboxstock.order.service;

import java.util.UUID;

/** An outcome names an order this service does not have. */
public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(UUID orderId) {
        super("No order " + orderId);
    }
}
