package dev.outboxstock.benchmark.system;

import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.PipelineLatency;
import dev.outboxstock.benchmark.measure.ProcessCpu;
import dev.outboxstock.benchmark.measure.RelayProbe;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.system.LocalSystem;
import java.time.Duration;

/**
 * Stock events inventory-service applies per second from a backlog: inventory is frozen (SIGSTOP, shorter than its
 * consumers' session timeout, so that it keeps its partitions) while orders are written straight into order-service's
 * tables and the relay puts every stock request on Kafka; from the moment it runs on, the backlog is divided by the
 * time until the last one's stock change committed (its outcome's commit time, read off the outcome topic: inventory's
 * metrics are not scraped while it drains, which would cost the process being measured). Nothing else writes
 * meanwhile; inventory's relay and order-service's outcome consumer run as always.
 *
 * @param events stock events written, all of them waiting when the measurement began
 * @param cpu while inventory drained the backlog
 */
public record InventoryDrain(long events, double eventsPerSecond, CpuUsage cpu) {

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
        RelayProbe relay = new RelayProbe(system.orderRelay());
        long relayedBefore = relay.relayed();
        long events;
        system.inventoryServices().forEach(ServiceProcess::pause);
        try {
            events = writer.write(WRITERS, orders).linesAccepted();
            relay.awaitRelayed(relayedBefore + events, TIMEOUT);
        } finally {
            system.inventoryServices().forEach(ServiceProcess::resume);
        }
        ProcessCpu.Span span = cpu.start();
        long startedMillis = System.currentTimeMillis();
        if (!pipeline.awaitApplied(linesBefore + events, TIMEOUT)) {
            throw new IllegalStateException("Inventory did not apply " + events + " events within " + TIMEOUT);
        }
        CpuUsage usage = span.end();
        double seconds = (pipeline.lastOutcomeCommitMillis() - startedMillis) / 1e3;
        return new InventoryDrain(events, events / seconds, usage);
    }
}
