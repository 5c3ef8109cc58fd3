package dev.outboxstock.benchmark.report;

import static dev.outboxstock.benchmark.report.Markdown.partitions;

import dev.outboxstock.benchmark.relay.RelayComparison;
import dev.outboxstock.benchmark.system.SystemRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
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
        new HeadlineSection(result, md).write();
        result.withComparisons().ifPresent(system -> {
            system.flashSale().ifPresent(sale -> new FlashSaleSection(sale, system.partitions(), md).write());
            new CostSection(system, md).write();
            new CeilingsSection(system, md).write();
        });
        new ScalingSection(result, md).write();
        new RelaySection(result, md).write();
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

    private void line(String format, Object... arguments) {
        md.line(format, arguments);
    }
}
