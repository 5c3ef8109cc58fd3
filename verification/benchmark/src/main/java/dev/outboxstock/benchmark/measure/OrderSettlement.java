package dev.outboxstock.benchmark.measure;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When orders reached their final status, read from order-service's own table once they have: each order's {@code
 * updated_at - created_at} is its time from acceptance to CONFIRMED or REJECTED, end to end (both stamped by
 * order-service, one clock). Read from the database after the load, so measuring costs the run nothing.
 */
public final class OrderSettlement {

    private static final Duration CHECK_EVERY = Duration.ofMillis(250);

    private final Connection orders;

    /** {@code orders}: a connection to order-service's database. */
    public OrderSettlement(Connection orders) {
        this.orders = orders;
    }

    /** Which orders: a SQL condition on {@code customer_order o} and its one parameter. */
    public record Selection(String condition, Object parameter) {

        /** Orders created from {@code instant} on. */
        public static Selection createdSince(Instant instant) {
            return new Selection("o.created_at >= ?", Timestamp.from(instant));
        }

        /** Orders with a line for one of {@code products}. */
        public static Selection ofProducts(List<String> products) {
            return new Selection(
                    "o.id IN (SELECT order_id FROM order_line WHERE product_id = ANY (?))",
                    products.toArray(String[]::new));
        }
    }

    /**
     * What became of the selected orders.
     *
     * @param pending orders still PENDING when the wait ended (0 when all settled in time)
     * @param confirmedUnits units in the lines of confirmed orders
     * @param settledPerSecond orders from the first one's acceptance to the last one's final status
     * @param latency acceptance to final status, of every settled order
     */
    public record Settlement(
            long orders,
            long confirmed,
            long rejected,
            long pending,
            long confirmedUnits,
            double settledPerSecond,
            LatencySummary latency) {}

    /** Waits until no selected order is PENDING (at most {@code timeout}), then reads what became of them. */
    public Settlement awaitSettled(Selection selection, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending(selection) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(CHECK_EVERY.toMillis());
        }
        return read(selection);
    }

    private long pending(Selection selection) throws SQLException {
        try (PreparedStatement query = prepare(
                        "SELECT count(*) FROM customer_order o WHERE o.status = 'PENDING' AND " + selection.condition(),
                        selection);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private Settlement read(Selection selection) throws SQLException {
        LatencyRecorder latency = new LatencyRecorder();
        long orderCount = 0;
        long confirmed = 0;
        long rejected = 0;
        long pending = 0;
        long confirmedUnits = 0;
        long firstCreated = Long.MAX_VALUE;
        long lastSettled = Long.MIN_VALUE;
        try (PreparedStatement query = prepare(
                        "SELECT o.status, o.created_at, o.updated_at,"
                                + " (SELECT sum(quantity) FROM order_line l WHERE l.order_id = o.id)"
                                + " FROM customer_order o WHERE " + selection.condition(),
                        selection);
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                orderCount++;
                String status = result.getString(1);
                long created = micros(result.getTimestamp(2));
                long updated = micros(result.getTimestamp(3));
                firstCreated = Math.min(firstCreated, created);
                if (status.equals("PENDING")) {
                    pending++;
                    continue;
                }
                lastSettled = Math.max(lastSettled, updated);
                latency.recordNanos((updated - created) * 1_000);
                if (status.equals("CONFIRMED")) {
                    confirmed++;
                    confirmedUnits += result.getLong(4);
                } else if (status.equals("REJECTED")) {
                    rejected++;
                }
            }
        }
        long settled = orderCount - pending;
        double seconds = (lastSettled - firstCreated) / 1e6;
        return new Settlement(
                orderCount,
                confirmed,
                rejected,
                pending,
                confirmedUnits,
                settled == 0 || seconds <= 0 ? 0 : settled / seconds,
                latency.take());
    }

    private PreparedStatement prepare(String sql, Selection selection) throws SQLException {
        PreparedStatement statement = orders.prepareStatement(sql);
        if (selection.parameter() instanceof String[] values) {
            Array array = orders.createArrayOf("varchar", values);
            statement.setArray(1, array);
        } else {
            statement.setObject(1, selection.parameter());
        }
        return statement;
    }

    private static long micros(Timestamp timestamp) {
        Instant instant = timestamp.toInstant();
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
