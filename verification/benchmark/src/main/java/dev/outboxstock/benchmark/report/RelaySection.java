package dev.outboxstock.benchmark.report;

import static dev.outboxstock.benchmark.report.Markdown.partitions;
import static dev.outboxstock.benchmark.report.Markdown.percentiles;
import static dev.outboxstock.benchmark.report.Markdown.walRate;

import dev.outboxstock.benchmark.measure.DatabaseLoad;
import dev.outboxstock.benchmark.relay.RelayComparison;

/** The CDC relay beside a polling relay at a steady rate: latency and what each costs PostgreSQL. */
record RelaySection(BenchmarkResult result, Markdown md) {

    void write() {
        result.relays().ifPresent(relays -> {
            RelayComparison.Settings settings = relays.settings();
            md.line("## The CDC relay beside a polling relay");
            md.line("");
            md.line(
                    "%,d rows/s for %d s, %d rows per transaction, on the system with %s while it was otherwise idle"
                            + " (both of its CDC relays keep running); the polling relay takes batches of up to %,d rows. Latency from the writer's commit"
                            + " returning to the record reaching a consumer. PostgreSQL's CPU is that of all its"
                            + " processes over the run.",
                    settings.steadyRowsPerSecond(),
                    settings.steadyDuration().toSeconds(),
                    RelayComparison.STEADY_ROWS_PER_TRANSACTION,
                    partitions(result.withComparisons().orElseThrow().partitions()),
                    settings.pollBatchSize());
            md.line("");
            md.line(
                    "| Relay | Poll interval | p50 / p95 / p99 / max (ms) | PostgreSQL CPU (%% of one core) | WAL written |"
                            + " Commits/s |");
            md.line("| --- | --- | --- | --- | --- | --- |");
            steadyRow(relays.cdc());
            relays.polling().forEach(this::steadyRow);
            md.line("");
            md.line("Load average at the end of the comparison: %s.", relays.loadAverage());
            md.line("");
        });
    }

    private void steadyRow(RelayComparison.SteadyRun run) {
        DatabaseLoad.Usage database = run.database();
        md.line(
                "| %s | %s | %s | %.1f %% | %s | %,.0f |",
                run.relay(),
                run.pollInterval().isZero() ? "(streams)" : run.pollInterval().toMillis() + " ms",
                percentiles(run.latency()),
                database.cpuPercentOfOneCore(),
                walRate(database),
                database.commits() / database.seconds());
    }
}
