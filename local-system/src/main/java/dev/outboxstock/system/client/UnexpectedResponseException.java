package dev.outboxstock.system.client;

/** A service answered with a status the client did not expect; the body says why. */
public class UnexpectedResponseException extends RuntimeException {

    private final int status;

    UnexpectedResponseException(String method, String path, int status, String body) {
        super(method + " " + path + " answered " + status + ": " + body);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
