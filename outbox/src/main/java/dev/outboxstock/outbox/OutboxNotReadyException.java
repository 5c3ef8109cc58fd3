package dev.outboxstock.outbox;

import java.sql.SQLTransientException;

/**
 * The outbox cannot take events yet: no relay has created its replication slot. Transient: retry later (an HTTP
 * service answers 503; a consumer waits and retries).
 */
public class OutboxNotReadyException extends RuntimeException {

    OutboxNotReadyException(SQLTransientException cause) {
        super(cause.getMessage(), cause);
    }
}
