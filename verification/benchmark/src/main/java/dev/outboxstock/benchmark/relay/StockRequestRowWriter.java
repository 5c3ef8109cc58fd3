package dev.outboxstock.benchmark.relay;

import dev.outboxstock.benchmark.workload.BenchmarkOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Writes outbox rows in transactions, as a service's outbox does: into {@code outbox_event}, deleted again in the
 * same transaction like order-service's default (the relay reads the insert from the WAL), or into the polling
 * relay's table, where they stay until it marks them sent.
 */
final class StockRequestRowWriter {

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement delete;

    private StockRequestRowWriter(Connection connection, String table, boolean deleteAfterInsert) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement("INSERT INTO " + table
                + " (id, aggregatetype, aggregateid, type, payload, traceparent) VALUES (?, ?, ?, ?, ?::jsonb, ?)");
        this.delete = deleteAfterInsert ? connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?") : null;
    }

    /** Into order-service's outbox table, each row deleted again in the transaction that inserted it. */
    static StockRequestRowWriter deletingAfterInsert(Connection connection) throws SQLException {
        return new StockRequestRowWriter(connection, "outbox_event", true);
    }

    /** Into the polling relay's table, where rows stay until it marks them sent. */
    static StockRequestRowWriter forPolling(Connection connection) throws SQLException {
        return new StockRequestRowWriter(connection, PollingRelay.TABLE, false);
    }

    /** Commits the rows in one transaction; returns their event ids. */
    List<UUID> commit(List<StockRequestRow> rows) throws SQLException {
        for (StockRequestRow row : rows) {
            insert.setObject(1, row.id());
            insert.setString(2, BenchmarkTopic.AGGREGATE_TYPE);
            insert.setString(3, row.key());
            insert.setString(4, StockRequestRow.TYPE);
            insert.setString(5, row.payload());
            insert.setString(6, BenchmarkOrder.TRACEPARENT);
            insert.addBatch();
            if (delete != null) {
                delete.setObject(1, row.id());
                delete.addBatch();
            }
        }
        insert.executeBatch();
        if (delete != null) {
            delete.executeBatch();
        }
        connection.commit();
        return rows.stream().map(StockRequestRow::id).toList();
    }
}
