package dev.outboxstock.order.domain;

/** A change the order's life does not allow, such as a confirmed order becoming rejected. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
