package dev.outboxstock.consumer;

/** The application is stopping: the record is left unacknowledged for the partition's next owner. */
class ShutdownInProgressException extends RuntimeException {

    ShutdownInProgressException(Throwable cause) {
        super("Shutting down", cause);
    }
}
