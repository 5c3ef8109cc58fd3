package dev.outboxstock.order.service;

/** An Idempotency-Key already used for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different order");
    }
}
