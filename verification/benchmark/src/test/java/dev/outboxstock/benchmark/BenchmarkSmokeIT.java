package dev.outboxstock.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.benchmark.report.MarkdownReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every part of the benchmark on a tiny scale against the real system, in every build, so that it never rots. Its
 * figures mean nothing; that it runs end to end and reports every part does.
 */
class BenchmarkSmokeIT {

    @Test
    void theSmokeProfileMeasuresEveryPartAndWritesTheReportAndChart() throws Exception {
        Path output = Path.of("target", "benchmark-smoke");

        Path report = Benchmark.run(BenchmarkProfile.SMOKE, output);

        assertThat(Files.readString(report))
                .contains("## Headline figures", "raw Kafka producer", "polling", "raw JDBC", "own commit-to-ack")
                .contains("| 3 | 20 |")
                .contains("stock events inventory applied")
                .contains("## Goals", "## Flash sale: one hot product", "one hot product", "10 products")
                .contains("Synchronous, pessimistic locking", "Synchronous, optimistic locking")
                .contains("## Cost: CPU seconds per 1,000 orders", "PostgreSQL", "load generator")
                .contains("## Database ceilings", "pg_test_fsync", "Single-row conditional")
                .contains("Accepted to order settled")
                .doesNotContain("books do not balance")
                .contains("## Resident memory under load", "order-service", "inventory-service");
        assertThat(Files.readString(output.resolve(MarkdownReport.CHART_FILE)))
                .startsWith("<svg")
                .contains("<polyline");
    }
}
