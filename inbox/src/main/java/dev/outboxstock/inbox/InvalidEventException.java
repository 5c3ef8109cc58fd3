package dev.outboxstock.inbox;

/** A record that no retry can make valid: it goes to the dead-letter topic with this message as the reason. */
public class InvalidEventException extends Exception {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
