package dev.outboxstock.order.service;

import dev.outboxstock.order.domain.CustomerOrder;

/**
 * Who is asking, as the token says: its subject, and whether it is an operator. A customer reaches only the orders it
 * placed; an operator reads every order.
 */
public record Caller(String subject, boolean operator) {

    public static Caller customer(String subject) {
        return new Caller(subject, false);
    }

    /** Whether the caller may see the order; for anyone else it does not exist (404, so ids cannot be probed). */
    public boolean mayRead(CustomerOrder order) {
        return operator || ownsIt(order);
    }

    public boolean ownsIt(CustomerOrder order) {
        return subject.equals(order.owner());
    }
}
