package dev.outboxstock.inbox;

import jakarta.persistence.OptimisticLockException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells failures that go away by themselves (the database restarting, a connection lost, a deadlock victim, a
 * concurrent update) from those that do not. Only the first kind is worth retrying: retrying the second would
 * stall a partition forever.
 */
final class TransientFailures {

    /** SQLState classes: connection exception, insufficient resources, operator intervention (e.g. shutdown). */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53", "57");
    /** SQLStates: serialization failure, deadlock detected. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01");

    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Another transaction changed the same row first: a retry reads the new state.
            if (cause instanceof SQLTransientException
                    || cause instanceof ConnectException
                    || cause instanceof OptimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            // Agroal's pool: no connection within the acquisition timeout, typically while the database is down.
            if (cause instanceof SQLException
                    && String.valueOf(cause.getMessage()).startsWith("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(String state) {
        return state != null
                && (TRANSIENT_STATES.contains(state)
                        || (state.length() >= 2 && TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2))));
    }
}
