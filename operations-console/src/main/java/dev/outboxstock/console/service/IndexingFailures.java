package dev.outboxstock.console.service;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a dead letter the index can never take from one it cannot take yet. Only the database calling the record's
 * data wrong is for good: the same record fails the same way every time, so it is set aside and indexing goes on.
 * Anything else (the database away or read-only, a privilege revoked, a lock wait, a bug) is retried until it works,
 * so that no dead letter is skipped for a failure that goes away.
 */
public final class IndexingFailures {

    /** SQLState classes of errors in a row's data: data exception (22) and integrity constraint violation (23). */
    private static final Set<String> DATA_ERROR_CLASSES = Set.of("22", "23");

    private IndexingFailures() {}

    public static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
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
