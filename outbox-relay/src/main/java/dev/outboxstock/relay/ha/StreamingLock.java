package dev.outboxstock.relay.ha;

import dev.outboxstock.relay.publish.StreamingRight;
import dev.outboxstock.relay.source.SourceDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The right to stream one slot: a PostgreSQL session-level advisory lock, held on a connection of its own. The
 * database releases it when that session ends: when the holder dies (even by kill -9), and also when it stops
 * talking: the session's {@code idle_session_timeout} ends it once the holder has not checked it for that long, so a
 * holder that is frozen (a long GC pause, SIGSTOP) or cut off from the database loses the lock within seconds. The
 * new holder then ends the replication session the old one may still have open on the slot, and Kafka's producer
 * fencing stops whatever the old one still tries to send.
 */
public final class StreamingLock implements StreamingRight, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StreamingLock.class);

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final Connection connection;

    private StreamingLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the lock if no other replica holds it; throws when the database cannot be reached.
     *
     * @param sessionTimeout how long the lock's session may stay silent before the database ends it
     */
    public static Optional<StreamingLock> tryAcquire(SourceDatabase database, Duration sessionTimeout)
            throws SQLException {
        Connection connection = database.connect("streaming lock");
        try (Statement timeout = connection.createStatement();
                PreparedStatement lock =
                        connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            timeout.execute("SET idle_session_timeout = " + sessionTimeout.toMillis());
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

    /**
     * Ends the replication session a former holder may still have on the slot (frozen or cut off, it holds the slot
     * until PostgreSQL notices): the slot takes one reader at a time, and this replica is now the one.
     */
    public synchronized void endFormerReadersOf(String slot) throws SQLException {
        try (PreparedStatement terminate = connection.prepareStatement(
                "SELECT active_pid, pg_terminate_backend(active_pid) FROM pg_replication_slots"
                        + " WHERE slot_name = ? AND database = current_database() AND active_pid IS NOT NULL")) {
            terminate.setString(1, slot);
            try (ResultSet ended = terminate.executeQuery()) {
                while (ended.next()) {
                    LOG.warnf(
                            "Ended the replication session %d that still read slot %s: a former holder of the lock",
                            ended.getInt(1), slot);
                }
            }
        }
    }

    /**
     * False once the lock's session is gone: then another replica may hold it already. Asked by the supervisor and by
     * the engine's publisher, one at a time: a connection runs one statement at once.
     */
    @Override
    public synchronized boolean isHeld() {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Ends the session, which releases the lock. */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // The session is gone either way, and the lock with it.
        }
    }
}
