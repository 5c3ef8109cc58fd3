package dev.outboxstock.benchmark.flashsale;

import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.localstack.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * The ceiling of an inventory that applies one stock event per transaction to one product: single-row conditional
 * {@code UPDATE}s, each its own transaction (autocommit, {@code fsync} on), back to back on one connection, on a
 * scratch product. Nothing else: no Kafka, no dedup, no outbox row.
 */
public record RawStockUpdate(PostgresServer postgres, ProcessCpu cpu) {

    private static final String PRODUCT = "raw-update";

    /** Updates per second, and what they cost. */
    public record Result(long updates, double perSecond, CpuUsage cpu) {}

    public Result run(int updates) throws Exception {
        ScratchSchema.reset(postgres, PRODUCT, updates);
        try (Connection connection = postgres.connect(ScratchSchema.DATABASE);
                PreparedStatement update = connection.prepareStatement("UPDATE " + ScratchSchema.PRODUCT
                        + " SET available = available - 1 WHERE id = ? AND available >= 1")) {
            update.setString(1, PRODUCT);
            ProcessCpu.Span span = cpu.start();
            long started = System.nanoTime();
            for (int i = 0; i < updates; i++) {
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("The scratch product ran out after " + i + " updates");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(updates, updates / seconds, span.end());
        }
    }
}
