package dev.outboxstock.benchmark.flashsale;

import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.LatencyRecorder;
import dev.outboxstock.benchmark.measure.LatencySummary;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.localstack.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the outbox design replaces, on the same flash sale: the stock taken synchronously inside the order's own
 * transaction, by JDBC clients straight against scratch tables (no HTTP, no ORM: these figures are the designs'
 * ceilings, not a service's). Each order: take one unit if there is one, write the order CONFIRMED or REJECTED,
 * commit; its latency is from its first statement to that commit, retries included.
 */
public record SynchronousOrders(PostgresServer postgres, ProcessCpu cpu, FlashSaleSettings settings) {

    private static final String PRODUCT = "sync-hot";

    /** How a client keeps two orders from taking the same unit. */
    public enum Locking {
        /** {@code SELECT ... FOR UPDATE}: every client queues on the product's row lock. */
        PESSIMISTIC,
        /** Read the version, update only if it is unchanged, start again if another client came first. */
        OPTIMISTIC
    }

    /**
     * One design's figures.
     *
     * @param retries transactions started again because another client changed the row first (optimistic only)
     */
    public record Run(
            Locking locking,
            long orders,
            double ordersPerSecond,
            LatencySummary latency,
            long retries,
            long confirmed,
            long rejected,
            StockAccount stock,
            CpuUsage cpu) {}

    public Run run(Locking locking) throws Exception {
        long units = settings.stockPerProduct(1);
        ScratchSchema.reset(postgres, PRODUCT, units);
        LatencyRecorder latency = new LatencyRecorder();
        AtomicLong remaining = new AtomicLong(settings.orders());
        AtomicLong retries = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            clients.add(new Thread(
                    () -> {
                        try (Connection connection = postgres.connect(ScratchSchema.DATABASE)) {
                            Client client = new Client(connection);
                            while (remaining.getAndDecrement() > 0) {
                                long begun = System.nanoTime();
                                retries.addAndGet(
                                        locking == Locking.PESSIMISTIC ? client.pessimistic() : client.optimistic());
                                latency.recordNanos(System.nanoTime() - begun);
                            }
                        } catch (Exception e) {
                            failure.set(e);
                        }
                    },
                    "sync-" + locking.name().toLowerCase() + "-" + i));
        }
        ProcessCpu.Span span = cpu.start();
        long started = System.nanoTime();
        clients.forEach(Thread::start);
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuUsage usage = span.end();
        if (failure.get() != null) {
            throw failure.get();
        }
        try (Connection connection = postgres.connect(ScratchSchema.DATABASE)) {
            long confirmed = count(connection, "CONFIRMED");
            long rejected = count(connection, "REJECTED");
            StockAccount stock =
                    StockAccount.read(connection, ScratchSchema.PRODUCT, List.of(PRODUCT), units, confirmed);
            return new Run(
                    locking,
                    confirmed + rejected,
                    (confirmed + rejected) / seconds,
                    latency.take(),
                    retries.get(),
                    confirmed,
                    rejected,
                    stock,
                    usage);
        }
    }

    private static long count(Connection connection, String status) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT count(*) FROM " + ScratchSchema.ORDER + " WHERE status = ?")) {
            query.setString(1, status);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** One client's connection and statements. */
    private static final class Client {

        private final Connection connection;
        private final PreparedStatement lockRow;
        private final PreparedStatement readVersion;
        private final PreparedStatement take;
        private final PreparedStatement takeIfUnchanged;
        private final PreparedStatement insertOrder;

        Client(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            lockRow = connection.prepareStatement(
                    "SELECT available FROM " + ScratchSchema.PRODUCT + " WHERE id = ? FOR UPDATE");
            readVersion = connection.prepareStatement(
                    "SELECT available, version FROM " + ScratchSchema.PRODUCT + " WHERE id = ?");
            take = connection.prepareStatement("UPDATE " + ScratchSchema.PRODUCT
                    + " SET available = available - 1, version = version + 1 WHERE id = ?");
            takeIfUnchanged = connection.prepareStatement("UPDATE " + ScratchSchema.PRODUCT
                    + " SET available = available - 1, version = version + 1 WHERE id = ? AND version = ?");
            insertOrder = connection.prepareStatement("INSERT INTO " + ScratchSchema.ORDER
                    + " (id, product_id, quantity, status, created_at) VALUES (?, ?, 1, ?, now())");
            lockRow.setString(1, PRODUCT);
            readVersion.setString(1, PRODUCT);
            take.setString(1, PRODUCT);
            takeIfUnchanged.setString(1, PRODUCT);
        }

        /** Locks the row, checks, takes, writes the order; no retries. */
        long pessimistic() throws SQLException {
            boolean available;
            try (ResultSet row = lockRow.executeQuery()) {
                row.next();
                available = row.getInt(1) >= 1;
            }
            if (available) {
                take.executeUpdate();
            }
            order(available);
            return 0;
        }

        /** Reads the version, takes only if unchanged, starts again when another client came first. */
        long optimistic() throws SQLException {
            for (long retries = 0; ; retries++) {
                int available;
                long version;
                try (ResultSet row = readVersion.executeQuery()) {
                    row.next();
                    available = row.getInt(1);
                    version = row.getLong(2);
                }
                if (available < 1) {
                    order(false);
                    return retries;
                }
                takeIfUnchanged.setLong(2, version);
                if (takeIfUnchanged.executeUpdate() == 1) {
                    order(true);
                    return retries;
                }
                connection.rollback();
            }
        }

        private void order(boolean confirmed) throws SQLException {
            insertOrder.setObject(1, UUID.randomUUID());
            insertOrder.setString(2, PRODUCT);
            insertOrder.setString(3, confirmed ? "CONFIRMED" : "REJECTED");
            insertOrder.executeUpdate();
            connection.commit();
        }
    }
}
