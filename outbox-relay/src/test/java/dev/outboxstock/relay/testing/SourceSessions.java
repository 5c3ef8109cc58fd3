package dev.outboxstock.relay.testing;

import dev.outboxstock.localstack.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The relay's sessions in its source database ({@code orders}), as PostgreSQL sees them. */
public final class SourceSessions {

    /** The session that holds a relay's streaming lock ({@code RelayConfig.name()} "outbox-relay"). */
    public static final String STREAMING_LOCK = "outbox-relay streaming lock";

    private final PostgresServer postgres;

    public SourceSessions(PostgresServer postgres) {
        this.postgres = postgres;
    }

    /** The backend streaming the slot {@code outbox_slot}: another one once the relay started a new engine. */
    public Optional<Integer> slotReader() throws SQLException {
        return pid("SELECT active_pid FROM pg_replication_slots WHERE slot_name = 'outbox_slot' AND active", null);
    }

    /** The backend of the session named {@code applicationName}, such as {@link #STREAMING_LOCK}. */
    public Optional<Integer> session(String applicationName) throws SQLException {
        return pid("SELECT pid FROM pg_stat_activity WHERE application_name = ?", applicationName);
    }

    /** Ends a backend, as a database restart or an administrator would. */
    public void terminate(int pid) throws SQLException {
        try (Connection connection = postgres.connect("orders");
                PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.execute();
        }
    }

    private Optional<Integer> pid(String query, String parameter) throws SQLException {
        try (Connection connection = postgres.connect("orders");
                PreparedStatement statement = connection.prepareStatement(query)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }
}
