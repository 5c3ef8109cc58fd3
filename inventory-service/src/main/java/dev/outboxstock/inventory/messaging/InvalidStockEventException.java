package dev.outboxstock.inventory.messaging;

/** A record of the stock topic that no retry can make valid: it goes to the dead-letter topic. */
public class InvalidStockEventException extends Exception {

    InvalidStockEventException(String reason) {
        super(reason);
    }

    InvalidStockEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
