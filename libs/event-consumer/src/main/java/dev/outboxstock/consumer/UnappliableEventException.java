package dev.outboxstock.consumer;

/**
 * A valid event that can never be applied, because it does not fit what it is about (an outcome for an order that
 * does not exist, or one the order's state does not allow). Thrown while applying it: the record is dead-lettered
 * with this message as the reason, where any other failure would be retried.
 */
public class UnappliableEventException extends RuntimeException {

    public UnappliableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
