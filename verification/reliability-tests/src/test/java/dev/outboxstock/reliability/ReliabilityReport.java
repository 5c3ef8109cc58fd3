package dev.outboxstock.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The summary table of the fault scenarios, printed and written to {@code target/reliability-report.md}. */
final class ReliabilityReport {

    private static final Path FILE = Path.of("target", "reliability-report.md");

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized String render() {
        StringBuilder table = new StringBuilder()
                .append("| Scenario | Orders sent | Accepted | Confirmed | Rejected | Timed out | Lost |")
                .append(" Double-applied | History violations | Failed requests | Stock requests per line |")
                .append(" Most copies of one request | Time to converge |\n")
                .append(
                        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            table.append(String.format(
                    "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.2f | %d | %.1f s |%n",
                    row.scenario(),
                    row.sent(),
                    row.accepted(),
                    row.confirmed(),
                    row.rejected(),
                    row.timedOut(),
                    row.lost(),
                    row.doubleApplied(),
                    row.historyViolations(),
                    row.failedRequests(),
                    row.stockRequestsPerLine(),
                    row.mostCopiesOfOneRequest(),
                    row.timeToConverge().toMillis() / 1000.0));
        }
        return table.toString();
    }

    synchronized void write() {
        String report = "# Reliability suite\n\nEach scenario drives steady order load and injects its fault during"
                + " it; the figures are checked after the system converged. Stock requests per line: the records on"
                + " stock-events about the scenario's products per order line (1.00 when nothing is sent twice; releases"
                + " add a few); most copies of one request: how often the request sent most often reached Kafka.\n\n"
                + render();
        System.out.println(report);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One scenario's figures. */
    record Row(
            String scenario,
            int sent,
            int accepted,
            long confirmed,
            long rejected,
            long timedOut,
            long lost,
            long doubleApplied,
            long historyViolations,
            int failedRequests,
            double stockRequestsPerLine,
            long mostCopiesOfOneRequest,
            Duration timeToConverge) {}
}
