package dev.outboxstock.benchmark.system;

import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.measure.Await;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.benchmark.measure.RelayProbe;
import dev.outboxstock.benchmark.measure.ServiceMetrics;
import dev.outboxstock.system.LocalSystem;
import java.time.Duration;

/**
 * Stock events inventory-service applies per second while a backlog waits for it: orders are written straight into
 * order-service's tables (much faster than inventory applies them), and once the relay has put every stock request
 * on Kafka, the rate is taken from inventory's own counter of applied events until the last one is applied. Nothing
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

    static InventoryDrain measure(LocalSystem system, RawOrderInsert writer, int orders, ProcessCpu cpu)
            throws Exception {
        ServiceMetrics inventory = new ServiceMetrics(system.inventoryService());
        RelayProbe relay = new RelayProbe(system.orderRelay());
        long appliedBefore = inventory.counter(APPLIED_COUNTER);
        long relayedBefore = relay.relayed();
        LoadResult written = writer.write(WRITERS, orders);
        long events = written.linesAccepted();
        relay.awaitRelayed(relayedBefore + events, TIMEOUT);
        ProcessCpu.Span span = cpu.start();
        long started = System.nanoTime();
        long appliedAtStart = inventory.counter(APPLIED_COUNTER);
        if (!Await.until(() -> inventory.counter(APPLIED_COUNTER) >= appliedBefore + events, TIMEOUT)) {
            throw new IllegalStateException("Inventory did not apply " + events + " events within " + TIMEOUT);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuUsage usage = span.end();
        long backlog = appliedBefore + events - appliedAtStart;
        return new InventoryDrain(events, backlog, backlog / seconds, usage);
    }
}
