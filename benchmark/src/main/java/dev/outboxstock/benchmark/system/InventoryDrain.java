package dev.outboxstock.benchmark.system;

import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.PipelineLatency;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.benchmark.measure.RelayProbe;
import dev.outboxstock.benchmark.measure.ServiceMetrics;
import dev.outboxstock.system.LocalSystem;
import java.time.Duration;

/**
 * Stock events inventory-service applies per second while a backlog waits for it: orders are written straight into
 * order-service's tables (much faster than inventory applies them), and once the relay has put every stock request
 * on Kafka, the events still waiting (inventory's own counter, read once) are divided by the time until the last
 * one's stock change committed (its outcome's commit time). Nothing
 * else writes meanwhile; inventory's relay and order-service's outcome consumer run as always.
 *
 * @param events stock events written
 * @param backlog of those, the events still waiting when the measurement began
 * @param cpu while inventory drained the backlog
 */
public record InventoryDrain(long events, long backlog, double eventsPerSecond, CpuUsage cpu) {

    private static final String APPLIED_COUNTER = "inventory_stock_events_total";
    private static final int WRITERS = 4;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param linesBefore order lines placed on the system before, which {@code pipeline} waits for too
     */
    static InventoryDrain measure(
            LocalSystem system,
            RawOrderInsert writer,
            int orders,
            ProcessCpu cpu,
            PipelineLatency pipeline,
            long linesBefore)
            throws Exception {
        ServiceMetrics inventory = new ServiceMetrics(system.inventoryService());
        RelayProbe relay = new RelayProbe(system.orderRelay());
        long appliedBefore = inventory.counter(APPLIED_COUNTER);
        long relayedBefore = relay.relayed();
        LoadResult written = writer.write(WRITERS, orders);
        long events = written.linesAccepted();
        relay.awaitRelayed(relayedBefore + events, TIMEOUT);
        ProcessCpu.Span span = cpu.start();
        long startedMillis = System.currentTimeMillis();
        long appliedAtStart = inventory.counter(APPLIED_COUNTER);
        // The end is the last stock change's commit time, read off the outcome topic: inventory's metrics are not
        // scraped while it drains, which would cost the process being measured.
        if (!pipeline.awaitApplied(linesBefore + events, TIMEOUT)) {
            throw new IllegalStateException("Inventory did not apply " + events + " events within " + TIMEOUT);
        }
        CpuUsage usage = span.end();
        double seconds = (pipeline.lastOutcomeCommitMillis() - startedMillis) / 1e3;
        long backlog = appliedBefore + events - appliedAtStart;
        // Nothing left waiting (inventory kept up with the writers) gives no rate, rather than a wrong one.
        return new InventoryDrain(events, backlog, backlog > 0 && seconds > 0 ? backlog / seconds : Double.NaN, usage);
    }
}
