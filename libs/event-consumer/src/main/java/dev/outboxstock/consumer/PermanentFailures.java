package dev.outboxstock.consumer;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the failures that no retry can cure from all others. Only these dead-letter a valid event: anything else (the
 * database away or read-only after a failover, a revoked privilege, a missing table, a lock wait that timed out, a
 * bug) is retried until it works, because dead-lettering a valid stock request would strand its order.
 */
final class PermanentFailures {

    /**
     * SQLState classes of errors in the data an event carries: data exception (a number out of range, a string too
     * long) and integrity constraint violation. The same event fails the same way every time.
     */
    private static final Set<String> DATA_ERROR_CLASSES = Set.of("22", "23");

    private PermanentFailures() {}

    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnappliableEventException) {
                return true;
            }
            if (cause instanceof SQLException sql && isDataError(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDataError(String state) {
        return state != null && state.length() == 5 && DATA_ERROR_CLASSES.contains(state.substring(0, 2));
    }
}
