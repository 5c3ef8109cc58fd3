package dev.outboxstock.benchmark.report;

import static dev.outboxstock.benchmark.report.Markdown.millis;
import static dev.outboxstock.benchmark.report.Markdown.partitions;
import static dev.outboxstock.benchmark.report.Markdown.percentiles;
import static dev.outboxstock.benchmark.report.Markdown.walRate;

import dev.outboxstock.benchmark.BenchmarkProfile;
import dev.outboxstock.benchmark.relay.RelayComparison;
import dev.outboxstock.benchmark.system.SystemRun;
import java.util.Locale;

/** The headline figures, each beside its baseline: relay, intake, highest rates sustained, inventory drain. */
record HeadlineSection(BenchmarkResult result, Markdown md) {

    void write() {
        md.line("## Headline figures");
        md.line("");
        md.line("| Figure | Measured | Baseline | Ratio (measured / baseline) |");
        md.line("| --- | --- | --- | --- |");
        result.relays().ifPresent(relays -> {
            int rows = relays.backlogRows();
            md.line(
                    "| CDC relay, backlog of %,d rows (first to last record consumed) | %,.0f rows/s | raw Kafka producer: %,.0f rows/s"
                            + " | %.2f |",
                    rows,
                    relays.cdcRowsPerSecond(),
                    relays.rawProducerRowsPerSecond(),
                    relays.cdcRowsPerSecond() / relays.rawProducerRowsPerSecond());
            md.line(
                    "| CDC relay vs polling relay, same backlog | %,.0f rows/s | polling: %,.0f rows/s | %.2f |",
                    relays.cdcRowsPerSecond(),
                    relays.pollingRowsPerSecond(),
                    relays.cdcRowsPerSecond() / relays.pollingRowsPerSecond());
            RelayComparison.SteadyRun best = relays.bestPolling();
            md.line(
                    "| Commit to consumed at %,d rows/s, p50 / p95 / p99 / max | CDC: %s | polling every %d ms: %s | p99"
                            + " %.2f |",
                    relays.settings().steadyRowsPerSecond(),
                    percentiles(relays.cdc().latency()),
                    best.pollInterval().toMillis(),
                    percentiles(best.latency()),
                    relays.cdc().latency().p99() / best.latency().p99());
            md.line(
                    "| The CDC relay's own commit-to-ack histogram at %,d rows/s, p50 / p99 (bucket upper bounds) | %s /"
                            + " %s ms | | |",
                    relays.settings().steadyRowsPerSecond(),
                    millis(relays.cdcCommitToAck().percentileUpperBoundMillis(50)),
                    millis(relays.cdcCommitToAck().percentileUpperBoundMillis(99)));
            md.line(
                    "| PostgreSQL CPU at %,d rows/s (%% of one core) | CDC: %.1f %% | polling every %d ms: %.1f %% | %.2f |",
                    relays.settings().steadyRowsPerSecond(),
                    relays.cdc().database().cpuPercentOfOneCore(),
                    best.pollInterval().toMillis(),
                    best.database().cpuPercentOfOneCore(),
                    relays.cdc().database().cpuSeconds() / best.database().cpuSeconds());
            md.line(
                    "| WAL written at %,d rows/s | CDC: %s | polling every %d ms: %s | %.2f |",
                    relays.settings().steadyRowsPerSecond(),
                    walRate(relays.cdc().database()),
                    best.pollInterval().toMillis(),
                    walRate(best.database()),
                    relays.cdc().database().walBytes()
                            / (double) best.database().walBytes());
        });
        result.intake()
                .ifPresent(intake -> md.line(
                        "| Orders accepted, %d concurrent clients (closed loop), relays frozen, with p99 | %,.0f orders/s, p99 %s ms |"
                                + " raw JDBC, %d connections: %,.0f orders/s | %.2f |",
                        intake.clients(),
                        intake.post().acceptedRate(),
                        millis(intake.post().responseTime().p99()),
                        intake.connections(),
                        intake.rawJdbc().acceptedRate(),
                        intake.post().acceptedRate() / intake.rawJdbc().acceptedRate()));
        result.intake()
                .ifPresent(intake -> md.line(
                        "| order-service's connection pool: most connections in use at once over the whole run | %d |"
                                + " its size: %d | |",
                        intake.poolPeak(), BenchmarkProfile.ORDER_SERVICE_POOL));
        for (SystemRun.Result system : result.systems()) {
            md.line(
                    "| %s: highest rate sustained end to end | %s | | |",
                    partitions(system.partitions()),
                    system.maxSustainedRate() == 0
                            ? "none of the rates tried"
                            : String.format(Locale.ROOT, "%,d orders/s", system.maxSustainedRate()));
        }
        for (SystemRun.Result system : result.systems()) {
            md.line(
                    "| %s: stock events inventory applied, backlog of %,d | %,.0f events/s | | |",
                    partitions(system.partitions()),
                    system.inventory().events(),
                    system.inventory().eventsPerSecond());
        }
        md.line("");
    }
}
