package dev.outboxstock.relay.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Writes outbox rows the way a service does: in its own transaction, in the given order. */
public final class OutboxInserts {

    private OutboxInserts() {}

    public static void insertInOneTransaction(Connection connection, List<WrittenRow> rows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, traceparent)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, ?)")) {
            for (WrittenRow row : rows) {
                insert.setObject(1, row.id());
                insert.setString(2, row.aggregateType());
                insert.setString(3, row.aggregateId());
                insert.setString(4, row.type());
                insert.setString(5, row.payload());
                insert.setString(6, row.traceparent());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
