package dev.outboxstock.benchmark;

import dev.outboxstock.contract.StockTopic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Writes outbox rows into order-service's outbox table as order-service does: a transaction per order. */
final class OutboxLoad {

    private static final int PRODUCTS = 1_000;

    private final Connection connection;
    private final PreparedStatement insert;
    private long written;

    OutboxLoad(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(
                "INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, created_at, traceparent)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, now(), ?)");
    }

    /** Commits one transaction of {@code rows} rows. */
    void commit(int rows) throws SQLException {
        for (int i = 0; i < rows; i++) {
            String product = "product-" + (written % PRODUCTS);
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, StockTopic.AGGREGATE_TYPE);
            insert.setString(3, product);
            insert.setString(4, "StockDecreaseRequested");
            insert.setString(
                    5,
                    "{\"orderId\": \"" + UUID.randomUUID() + "\", \"productId\": \"" + product
                            + "\", \"quantity\": 1}");
            insert.setString(6, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            insert.addBatch();
            written++;
        }
        insert.executeBatch();
        connection.commit();
    }
}
