package dev.outboxstock.benchmark.report;

import dev.outboxstock.benchmark.BenchmarkProfile;
import dev.outboxstock.benchmark.measure.Machine;
import dev.outboxstock.benchmark.relay.RelayComparison;
import dev.outboxstock.benchmark.system.SystemRun;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Everything one benchmark run measured, and where and how. */
public record BenchmarkResult(
        BenchmarkProfile profile,
        String command,
        Machine machine,
        OffsetDateTime started,
        Duration took,
        String loadAtStart,
        String loadAtEnd,
        List<SystemRun.Result> systems) {

    public Optional<SystemRun.Result> withComparisons() {
        return systems.stream().filter(run -> run.relays().isPresent()).findFirst();
    }

    public Optional<RelayComparison.Figures> relays() {
        return withComparisons().flatMap(SystemRun.Result::relays);
    }

    public Optional<SystemRun.OrderIntake> intake() {
        return withComparisons().flatMap(SystemRun.Result::intake);
    }
}
