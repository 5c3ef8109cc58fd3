package dev.outboxstock.console.service;

/** A bulk action whose filter names no criterion (see {@link RedriveService#allowsBulkAction}): nothing was done. */
public class UnnarrowedBulkActionException extends RuntimeException {

    public UnnarrowedBulkActionException() {
        super("a bulk action must name at least one criterion: topic, reason, key, eventType, from or to");
    }
}
