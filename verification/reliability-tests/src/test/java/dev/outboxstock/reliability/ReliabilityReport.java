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
                .append("| Scenario | Orders sent | Accepted | Confirmed | Rejected | Lost | Double-applied |")
                .append(" History violations | Failed requests | Time to converge |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            table.append(String.format(
                    "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f s |%n",
                    row.scenario(),
                    row.sent(),
                    row.accepted(),
                    row.confirmed(),
                    row.rejected(),
                    row.lost(),
                    row.doubleApplied(),
                    row.historyViolations(),
                    row.failedRequests(),
                    row.timeToConverge().toMillis() / 1000.0));
        }
        return table.toString();
    }

    synchronized void write() {
        String report = "# Reliability suite\n\nEach scenario drives steady order load and injects its fault during"
                + " it; the figures are checked after the system converged.\n\n" + render();
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
            long lost,
            long doubleApplied,
            long historyViolations,
            int failedRequests,
            Duration timeToConverge) {}
}
