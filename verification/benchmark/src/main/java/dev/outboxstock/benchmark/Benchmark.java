package dev.outboxstock.benchmark;

import dev.outboxstock.benchmark.measure.Machine;
import dev.outboxstock.benchmark.report.BenchmarkResult;
import dev.outboxstock.benchmark.report.MarkdownReport;
import dev.outboxstock.benchmark.system.SystemRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark: the whole system on this machine, one fresh system per partition count of the stock topic,
 * measured beside its baselines; writes {@code report.md} and {@code latency-vs-rate.svg} to the output directory.
 *
 * <p>Run: {@code ./mvnw -B -pl verification/benchmark -am verify -DskipTests -Pbenchmark [-Dbenchmark.profile=quick]}
 */
public final class Benchmark {

    /** Held, so that the level sticks: Kafka clients' INFO lines would bury the progress. */
    private static final Logger KAFKA_CLIENT_LOG = Logger.getLogger("org.apache.kafka");

    private Benchmark() {}

    /** Arguments: the profile ({@code full}, {@code quick} or {@code smoke}) and the output directory. */
    public static void main(String[] args) throws Exception {
        BenchmarkProfile profile = BenchmarkProfile.named(args.length > 0 ? args[0] : "full");
        Path output = Path.of(args.length > 1 ? args[1] : "target/benchmark");
        Path report = run(profile, output);
        System.out.printf("%nBenchmark report: %s%n", report.toAbsolutePath());
    }

    /** Runs the profile and writes its report into {@code output}; returns the report's path. */
    public static Path run(BenchmarkProfile profile, Path output) throws Exception {
        KAFKA_CLIENT_LOG.setLevel(Level.WARNING);
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        long startedNanos = System.nanoTime();
        String loadAtStart = Machine.loadAverage();
        List<SystemRun.Result> systems = new ArrayList<>();
        for (int partitions : profile.partitions()) {
            boolean withComparisons = partitions == profile.comparisonPartitions();
            systems.add(new SystemRun(profile, partitions, withComparisons).run(output.resolve("logs")));
        }
        BenchmarkResult result = new BenchmarkResult(
                profile,
                command(profile),
                Machine.current(),
                started,
                Duration.ofNanos(System.nanoTime() - startedNanos),
                loadAtStart,
                Machine.loadAverage(),
                systems);
        return MarkdownReport.write(result, output);
    }

    private static String command(BenchmarkProfile profile) {
        return "./mvnw -B -pl verification/benchmark -am verify -DskipTests -Pbenchmark"
                + (profile == BenchmarkProfile.FULL ? "" : " -Dbenchmark.profile=" + profile.name());
    }
}
