package dev.outboxstock.benchmark.report;

import static dev.outboxstock.benchmark.report.Markdown.millis;
import static dev.outboxstock.benchmark.report.Markdown.partitions;
import static dev.outboxstock.benchmark.report.Markdown.percentiles;

import dev.outboxstock.benchmark.BenchmarkProfile;
import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.measure.DatabaseLoad;
import dev.outboxstock.benchmark.relay.RelayComparison;
import dev.outboxstock.benchmark.system.LatencyBudget;
import dev.outboxstock.benchmark.system.RateStep;
import dev.outboxstock.benchmark.system.SystemRun;
import dev.outboxstock.benchmark.workload.OrderWorkload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The report of a run: a Markdown file with its tables, and the chart beside it. */
public final class MarkdownReport {

    public static final String REPORT_FILE = "report.md";
    public static final String CHART_FILE = "latency-vs-rate.svg";

    private final BenchmarkResult result;
    private final Markdown md = new Markdown();

    private MarkdownReport(BenchmarkResult result) {
        this.result = result;
    }

    /** Writes the report and its chart into {@code directory}; returns the report's path. */
    public static Path write(BenchmarkResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(CHART_FILE), LatencyChart.svg(result.systems()));
        return Files.writeString(directory.resolve(REPORT_FILE), new MarkdownReport(result).render());
    }

    private String render() {
        header();
        new GoalsSection(result, md).write();
        headline();
        result.withComparisons().ifPresent(system -> {
            system.flashSale().ifPresent(sale -> new FlashSaleSection(sale, system.partitions(), md).write());
            new CostSection(system, md).write();
            new CeilingsSection(system, md).write();
        });
        scaling();
        relays();
        memory();
        method();
        return md.toString();
    }

    private void header() {
        var machine = result.machine();
        line("# outbox-stock benchmark");
        line("");
        line(
                "Profile `%s`, started %s, took %d min %d s. Produced by:",
                result.profile().name(),
                result.started().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                result.took().toMinutes(),
                result.took().toSecondsPart());
        line("");
        line("```bash");
        line("%s", result.command());
        line("```");
        line("");
        line("| Machine | |");
        line("| --- | --- |");
        line("| Cores | %d (%s) |", machine.cores(), machine.cpu());
        line("| Memory | %d GiB |", machine.memoryGiB());
        line("| OS, Java | %s, %s |", machine.os(), machine.java());
        line(
                "| Load average (1 / 5 / 15 min) | at the start %s; at the end %s |",
                result.loadAtStart(), result.loadAtEnd());
        line("");
        line("Every process shares these cores: PostgreSQL, Kafka, order-service, inventory-service, two relays and the"
                + " load generator itself, and whatever else ran on the machine (the load average says how much).");
        line("");
    }

    private void headline() {
        line("## Headline figures");
        line("");
        line("| Figure | Measured | Baseline | Ratio (measured / baseline) |");
        line("| --- | --- | --- | --- |");
        result.relays().ifPresent(relays -> {
            int rows = relays.backlogRows();
            line(
                    "| CDC relay, backlog of %,d rows (first to last record consumed) | %,.0f rows/s | raw Kafka producer: %,.0f rows/s"
                            + " | %.2f |",
                    rows,
                    relays.cdcRowsPerSecond(),
                    relays.rawProducerRowsPerSecond(),
                    relays.cdcRowsPerSecond() / relays.rawProducerRowsPerSecond());
            line(
                    "| CDC relay vs polling relay, same backlog | %,.0f rows/s | polling: %,.0f rows/s | %.2f |",
                    relays.cdcRowsPerSecond(),
                    relays.pollingRowsPerSecond(),
                    relays.cdcRowsPerSecond() / relays.pollingRowsPerSecond());
            RelayComparison.SteadyRun best = relays.bestPolling();
            line(
                    "| Commit to consumed at %,d rows/s, p50 / p95 / p99 / max | CDC: %s | polling every %d ms: %s | p99"
                            + " %.2f |",
                    relays.settings().steadyRowsPerSecond(),
                    percentiles(relays.cdc().latency()),
                    best.pollInterval().toMillis(),
                    percentiles(best.latency()),
                    relays.cdc().latency().p99() / best.latency().p99());
            line(
                    "| The CDC relay's own commit-to-ack histogram at %,d rows/s, p50 / p99 (bucket upper bounds) | %s /"
                            + " %s ms | | |",
                    relays.settings().steadyRowsPerSecond(),
                    millis(relays.cdcCommitToAck().percentileUpperBoundMillis(50)),
                    millis(relays.cdcCommitToAck().percentileUpperBoundMillis(99)));
            line(
                    "| PostgreSQL CPU at %,d rows/s (%% of one core) | CDC: %.1f %% | polling every %d ms: %.1f %% | %.2f |",
                    relays.settings().steadyRowsPerSecond(),
                    relays.cdc().database().cpuPercentOfOneCore(),
                    best.pollInterval().toMillis(),
                    best.database().cpuPercentOfOneCore(),
                    relays.cdc().database().cpuSeconds() / best.database().cpuSeconds());
            line(
                    "| WAL written at %,d rows/s | CDC: %s | polling every %d ms: %s | %.2f |",
                    relays.settings().steadyRowsPerSecond(),
                    walRate(relays.cdc().database()),
                    best.pollInterval().toMillis(),
                    walRate(best.database()),
                    relays.cdc().database().walBytes()
                            / (double) best.database().walBytes());
        });
        result.intake()
                .ifPresent(intake -> line(
                        "| Orders accepted, %d concurrent clients (closed loop), relays frozen, with p99 | %,.0f orders/s, p99 %s ms |"
                                + " raw JDBC, %d connections: %,.0f orders/s | %.2f |",
                        intake.clients(),
                        intake.post().acceptedRate(),
                        millis(intake.post().responseTime().p99()),
                        intake.connections(),
                        intake.rawJdbc().acceptedRate(),
                        intake.post().acceptedRate() / intake.rawJdbc().acceptedRate()));
        result.intake()
                .ifPresent(intake -> line(
                        "| order-service's connection pool: most connections in use at once over the whole run | %d |"
                                + " its size: %d | |",
                        intake.poolPeak(), BenchmarkProfile.ORDER_SERVICE_POOL));
        for (SystemRun.Result system : result.systems()) {
            line(
                    "| %s: highest rate sustained end to end | %s | | |",
                    partitions(system.partitions()),
                    system.maxSustainedRate() == 0
                            ? "none of the rates tried"
                            : String.format(Locale.ROOT, "%,d orders/s", system.maxSustainedRate()));
        }
        for (SystemRun.Result system : result.systems()) {
            line(
                    "| %s: stock events inventory applied, backlog of %,d | %,.0f events/s | | |",
                    partitions(system.partitions()),
                    system.inventory().events(),
                    system.inventory().eventsPerSecond());
        }
        line("");
    }

    private void scaling() {
        LatencyBudget budget = LatencyBudget.DEFAULT;
        line("## Scaling: latency versus rate");
        line("");
        line("![Latency percentiles versus target rate](%s)", CHART_FILE);
        line("");
        line(
                "Open-loop `POST /orders` at each target rate for %d s (orders of %d to %d lines), after a %d s warm-up;"
                        + " the rates rise until one is not sustained. Sustained means: at least %.0f %% of the target"
                        + " accepted, at most %.0f %% failed, POST p99 at most %,.0f ms, commit-to-applied p99 at most"
                        + " %,.0f ms, every line applied within %d s after the load stopped, and every order settled.",
                result.profile().stepDuration().toSeconds(),
                OrderWorkload.MIN_LINES,
                OrderWorkload.MAX_LINES,
                result.profile().warmUp().toSeconds(),
                budget.minAcceptedShare() * 100,
                budget.maxFailedShare() * 100,
                budget.postP99Millis(),
                budget.appliedP99Millis(),
                budget.drainTimeout().toSeconds());
        line("");
        line("| Partitions | Target orders/s | Accepted orders/s | Failed | POST p50 / p95 / p99 / max (ms) | Commit to"
                + " Kafka p50 / p95 / p99 / max (ms) | Relay's commit to ack p99 at most (ms) | Commit to stock applied"
                + " p50 / p95 / p99 / max (ms) | Accepted to order settled p50 / p95 / p99 / max (ms) | Verdict |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (SystemRun.Result system : result.systems()) {
            for (RateStep step : system.steps()) {
                LoadResult post = step.post();
                line(
                        "| %d | %,.0f | %,.0f | %d | %s | %s | %s | %s | %s | %s |",
                        system.partitions(),
                        post.targetRate(),
                        post.acceptedRate(),
                        post.failed(),
                        percentiles(post.responseTime()),
                        percentiles(step.commitToKafka()),
                        millis(step.relayCommitToAck().percentileUpperBoundMillis(99)),
                        percentiles(step.commitToApplied()),
                        percentiles(step.orderSettled()),
                        step.breach()
                                .map(breach -> "**not sustained**: " + breach)
                                .orElse("sustained"));
            }
        }
        line("");
        line(
                "Load average after each system: %s.",
                String.join(
                        "; ",
                        result.systems().stream()
                                .map(system -> partitions(system.partitions()) + ": " + system.loadAverage())
                                .toList()));
        line("");
    }

    private void relays() {
        result.relays().ifPresent(relays -> {
            RelayComparison.Settings settings = relays.settings();
            line("## The CDC relay beside a polling relay");
            line("");
            line(
                    "%,d rows/s for %d s, %d rows per transaction, on the system with %s while it was otherwise idle"
                            + " (both of its CDC relays keep running); the polling relay takes batches of up to %,d rows. Latency from the writer's commit"
                            + " returning to the record reaching a consumer. PostgreSQL's CPU is that of all its"
                            + " processes over the run.",
                    settings.steadyRowsPerSecond(),
                    settings.steadyDuration().toSeconds(),
                    RelayComparison.STEADY_ROWS_PER_TRANSACTION,
                    partitions(result.withComparisons().orElseThrow().partitions()),
                    settings.pollBatchSize());
            line("");
            line(
                    "| Relay | Poll interval | p50 / p95 / p99 / max (ms) | PostgreSQL CPU (%% of one core) | WAL written |"
                            + " Commits/s |");
            line("| --- | --- | --- | --- | --- | --- |");
            steadyRow(relays.cdc());
            relays.polling().forEach(this::steadyRow);
            line("");
            line("Load average at the end of the comparison: %s.", relays.loadAverage());
            line("");
        });
    }

    private void steadyRow(RelayComparison.SteadyRun run) {
        DatabaseLoad.Usage database = run.database();
        line(
                "| %s | %s | %s | %.1f %% | %s | %,.0f |",
                run.relay(),
                run.pollInterval().isZero() ? "(streams)" : run.pollInterval().toMillis() + " ms",
                percentiles(run.latency()),
                database.cpuPercentOfOneCore(),
                walRate(database),
                database.commits() / database.seconds());
    }

    private void memory() {
        line("## Resident memory under load");
        line("");
        line("Peak resident set size (RSS) of each process during the rate steps, sampled every 0.5 s. Each service"
                + " runs with `-Xmx384m`, the broker with `-Xmx512m`.");
        line("");
        StringBuilder header = new StringBuilder("| Process |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (SystemRun.Result system : result.systems()) {
            header.append(' ').append(partitions(system.partitions())).append(" (MiB) |");
            rule.append(" --- |");
        }
        line(header.toString());
        line(rule.toString());
        Map<String, Long> first = result.systems().get(0).peakMemoryMiB();
        for (String process : first.keySet()) {
            StringBuilder row = new StringBuilder("| " + process + " |");
            for (SystemRun.Result system : result.systems()) {
                row.append(' ')
                        .append(system.peakMemoryMiB().getOrDefault(process, 0L))
                        .append(" |");
            }
            line(row.toString());
        }
        line("");
    }

    private void method() {
        line("## What each figure measures");
        line("");
        line("- **POST /orders response time**: from the moment the open-loop generator was due to send the request"
                + " (request *i* at *start + i / rate*) to the answer, so a stall is charged to every request it"
                + " delayed (coordinated-omission-safe, HdrHistogram). The closed-loop figure is service time: from"
                + " sending to the answer.");
        line("- **Commit to Kafka**: from order-service's commit (the record's timestamp, which the relay sets to the"
                + " row's commit time in PostgreSQL) to the benchmark's consumer receiving the record: when a consumer"
                + " can have it. Millisecond resolution.");
        line("- **Relay's commit to ack**: the relay's own histogram (`relay_commit_to_ack_seconds`), from the row's"
                + " commit time to Kafka's acknowledgement, read before and after; its percentiles are known to the"
                + " bucket, so the bucket's upper bound is given.");
        line("- **Commit to stock applied**: from order-service's commit to inventory-service's commit of the stock"
                + " change (the commit time of its outcome event), both read from the one PostgreSQL server's clock:"
                + " relay, Kafka, consumer and inventory's transaction, per order line.");
        line(
                "- **Accepted to order settled**: from order-service's `created_at` of each order placed in the step to its"
                        + " `updated_at` when it became CONFIRMED or REJECTED (one clock, order-service's), read from its table"
                        + " once the step's orders all settled: the whole round trip through both relays, Kafka and inventory.");
        result.relays()
                .ifPresent(relays -> line(
                        "- **Relay throughput**: rows per second from the first to the last record reaching a consumer, of a"
                                + " backlog written while the relay was frozen (SIGSTOP, %d rows per transaction); its"
                                + " metrics are not scraped meanwhile. The freeze is"
                                + " kept under %d s (this run: %.1f s, %,d rows): the relay holds its right to stream"
                                + " through a PostgreSQL session that the server ends after 10 s of silence"
                                + " (`relay.ha.lock-session-timeout`), so a longer freeze would make it lose the lock and"
                                + " restart, and the figure would measure that restart. The raw producer sends the same"
                                + " records with the relay's producer settings (acks=all, idempotent); the polling relay"
                                + " relays the same rows from its own table.",
                        RelayComparison.BACKLOG_ROWS_PER_TRANSACTION,
                        RelayComparison.MAX_FREEZE.toSeconds(),
                        relays.freeze().toMillis() / 1e3,
                        relays.backlogRows()));
        line("- **Inventory**: stock events applied per second by inventory-service (one consumer per partition) from"
                + " a backlog: inventory is frozen (SIGSTOP, for less than its consumers' session timeout) while orders"
                + " are written straight into order-service's tables and relayed to Kafka; then the backlog over the"
                + " time from its resumption to the last one's outcome commit, read off the outcome topic; its metrics"
                + " are not scraped meanwhile.");
        line("- **Intake**: the closed-loop clients and the raw JDBC baseline each for the same time, on the same"
                + " orders, with every relay frozen (SIGSTOP) so that neither pays for the pipeline behind it: the"
                + " comparison is of writing orders alone. The relays catch up afterwards.");
        line("- **Raw JDBC**: the rows order-service writes per order (order, lines, outbox rows kept for their"
                + " retention period), one transaction per order, with batched statements sent as multi-row inserts"
                + " (`reWriteBatchedInserts=true`) and no HTTP, JSON or ORM.");
        line("- **CPU**: user + system time of each process from `/proc/<pid>/stat` before and after a run;"
                + " PostgreSQL's is the postmaster's with all its children, also those that ended.");
        line("- **Database load**: CPU seconds of every PostgreSQL process (also those that ended), WAL bytes"
                + " (`pg_current_wal_lsn`) and commits (`pg_stat_database`) over the run.");
        line("");
    }

    private static String walRate(DatabaseLoad.Usage database) {
        return String.format(Locale.ROOT, "%,.0f KiB/s", database.walBytes() / 1024.0 / database.seconds());
    }

    private void line(String format, Object... arguments) {
        md.line(format, arguments);
    }
}
