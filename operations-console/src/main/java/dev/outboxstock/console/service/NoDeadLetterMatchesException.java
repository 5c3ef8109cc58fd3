package dev.outboxstock.console.service;

/** A bulk action whose filter selects no pending dead letter: nothing was done. */
public class NoDeadLetterMatchesException extends RuntimeException {

    public NoDeadLetterMatchesException(String filter) {
        super("No pending dead letter matches " + (filter.isEmpty() ? "the filter" : filter));
    }
}
