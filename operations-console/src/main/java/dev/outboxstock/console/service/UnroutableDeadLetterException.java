package dev.outboxstock.console.service;

/** A dead letter that cannot be sent to a topic of the contract as it is; the message says why. */
public class UnroutableDeadLetterException extends Exception {

    public UnroutableDeadLetterException(String reason) {
        super(reason);
    }
}
