package dev.outboxstock.relay.ha;

import dev.outboxstock.relay.source.SourceDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The right to stream one slot: a PostgreSQL session-level advisory lock, held on a connection of its own. The
 * database releases it when that session ends, so a replica that dies (even by kill -9) or loses its connection
 * frees it for a standby within seconds. The slot's own exclusivity (one reader at a time) backs it up.
 */
public final class StreamingLock implements AutoCloseable {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final Connection connection;

    private StreamingLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock if no other replica holds it; throws when the database cannot be reached. */
    public static Optional<StreamingLock> tryAcquire(SourceDatabase database) throws SQLException {
        Connection connection = database.connect("streaming lock");
        try (PreparedStatement lock =
                connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            lock.setString(
                    1,
                    "outbox-relay/" + database.source().database() + "/"
                            + database.source().slot());
            try (ResultSet acquired = lock.executeQuery()) {
                acquired.next();
                if (acquired.getBoolean(1)) {
                    return Optional.of(new StreamingLock(connection));
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** False once the lock's session is gone: then another replica may hold it already. */
    public boolean isHeld() {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Ends the session, which releases the lock. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // The session is gone either way, and the lock with it.
        }
    }
}
