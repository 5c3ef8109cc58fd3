package dev.outboxstock.problem;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Recognises a failure caused by the database being out of reach (down, restarting, refusing connections): the
 * request did nothing and may be tried again, so it deserves a 503, not a 500.
 */
final class DatabaseOutage {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** SQLStates of connection exceptions, and of a server shutting down, crashed or starting up. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {}

    static boolean caused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException failure) {
        String state = String.valueOf(failure.getSQLState());
        // Agroal's pool: no connection within its acquisition timeout, which is what an outage looks like to a request.
        return state.startsWith(CONNECTION_EXCEPTION_CLASS)
                || SERVER_UNAVAILABLE.contains(state)
                || String.valueOf(failure.getMessage()).startsWith("Acquisition timeout");
    }
}
