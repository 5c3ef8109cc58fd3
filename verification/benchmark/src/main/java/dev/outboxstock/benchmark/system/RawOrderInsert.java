package dev.outboxstock.benchmark.system;

import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.measure.LatencyRecorder;
import dev.outboxstock.benchmark.workload.BenchmarkOrder;
import dev.outboxstock.benchmark.workload.OrderWorkload;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.system.LocalSystem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes orders straight into order-service's tables with JDBC: the rows order-service writes for a {@code POST
 * /orders} (the order, its lines, one outbox row per line, kept for the outbox's retention period as order-service
 * keeps them), one transaction per order, with batched statements and nothing else: no HTTP, JSON, validation or
 * ORM. The upper bound of what
 * order-service can accept; the orders are real and flow through the whole system.
 */
final class RawOrderInsert {

    private final PostgresServer postgres;
    private final OrderWorkload workload;

    RawOrderInsert(PostgresServer postgres, OrderWorkload workload) {
        this.postgres = postgres;
        this.workload = workload;
    }

    /** {@code connections} writers, each committing orders back to back for {@code duration}. */
    LoadResult run(int connections, Duration duration) throws Exception {
        return write(connections, System.nanoTime() + duration.toNanos(), Long.MAX_VALUE);
    }

    /** {@code orders} orders written by {@code connections} writers as fast as they go. */
    LoadResult write(int connections, long orders) throws Exception {
        return write(connections, Long.MAX_VALUE, orders);
    }

    private LoadResult write(int connections, long deadlineNanos, long orders) throws Exception {
        LatencyRecorder commitTime = new LatencyRecorder();
        AtomicLong remaining = new AtomicLong(orders);
        AtomicLong written = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> writers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            writers.add(new Thread(
                    () -> {
                        try (Connection connection = connect()) {
                            Statements statements = new Statements(connection);
                            while (System.nanoTime() < deadlineNanos && remaining.getAndDecrement() > 0) {
                                BenchmarkOrder order = workload.next();
                                long begun = System.nanoTime();
                                statements.insert(order);
                                commitTime.recordNanos(System.nanoTime() - begun);
                                written.incrementAndGet();
                                lines.addAndGet(order.lines().size());
                            }
                        } catch (Exception e) {
                            failure.set(e);
                        }
                    },
                    "raw-order-insert-" + i));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new LoadResult(0, written.get(), 0, lines.get(), written.get() / seconds, commitTime.take());
    }

    /**
     * A connection whose driver sends each batch as multi-row {@code INSERT}s, as a tuned service's would: one round
     * trip per batch rather than one per row.
     */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                postgres.jdbcUrl(LocalSystem.ORDERS_DATABASE) + "?reWriteBatchedInserts=true",
                postgres.username(),
                postgres.password());
    }

    /** One connection's prepared statements. */
    private static final class Statements {

        private final Connection connection;
        private final PreparedStatement order;
        private final PreparedStatement line;
        private final PreparedStatement outbox;

        Statements(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            order = connection.prepareStatement("INSERT INTO customer_order (id, status, created_at, updated_at,"
                    + " version) VALUES (?, 'PENDING', now(), now(), 0)");
            line = connection.prepareStatement("INSERT INTO order_line (id, order_id, line_number, product_id,"
                    + " quantity, status, requested_at) VALUES (?, ?, ?, ?, ?, 'PENDING', now())");
            outbox = connection.prepareStatement("INSERT INTO outbox_event (id, aggregatetype, aggregateid, type,"
                    + " payload, traceparent) VALUES (?, ?, ?, ?, ?::jsonb, ?)");
        }

        void insert(BenchmarkOrder placed) throws SQLException {
            order.setObject(1, placed.id());
            order.executeUpdate();
            int number = 0;
            for (BenchmarkOrder.Line each : placed.lines()) {
                line.setObject(1, UUID.randomUUID());
                line.setObject(2, placed.id());
                line.setInt(3, ++number);
                line.setString(4, each.productId());
                line.setInt(5, each.quantity());
                line.addBatch();
                outbox.setObject(1, each.eventId());
                outbox.setString(2, StockTopic.AGGREGATE_TYPE);
                outbox.setString(3, each.productId());
                outbox.setString(4, StockDecreaseRequested.TYPE);
                outbox.setString(5, each.stockRequestJson(placed.id()));
                outbox.setString(6, BenchmarkOrder.TRACEPARENT);
                outbox.addBatch();
            }
            line.executeBatch();
            outbox.executeBatch();
            connection.commit();
        }
    }
}
