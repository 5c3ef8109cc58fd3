package dev.outboxstock.console.client;

/** Another service did not answer in time, or not as its API says: the console shows it instead of the data. */
public class ServiceUnreachableException extends RuntimeException {

    public ServiceUnreachableException(String message) {
        super(message);
    }

    public ServiceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
