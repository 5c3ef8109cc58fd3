package dev.outboxstock.benchmark.report;

import static dev.outboxstock.benchmark.report.Markdown.millis;
import static dev.outboxstock.benchmark.report.Markdown.rate;

import dev.outboxstock.benchmark.flashsale.FlashSale;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.relay.RelayComparison;
import dev.outboxstock.benchmark.system.RateStep;
import dev.outboxstock.benchmark.system.SystemRun;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The goals, each a ratio of two figures measured in this one run, with pass or miss; a miss names the process that
 * kept the most cores busy in the run behind it, the bound to look at first.
 */
record GoalsSection(BenchmarkResult result, Markdown md) {

    /** The rate the seed saw inventory apply on one partition: the goal is ten times it. */
    private static final double SEED_INVENTORY_RATE = 303;

    private static final int GOAL_PARTITIONS = 6;
    private static final double GOAL_SETTLED_RATE = 400;
    private static final double GOAL_SETTLED_P99_MILLIS = 1_000;
    private static final int GOAL_RELAY_ROWS_PER_SECOND = 1_000;
    private static final Duration GOAL_POLL_INTERVAL = Duration.ofMillis(10);
    /** A process this busy (cores) is as good as saturated: its threads also wait for locks and I/O. */
    private static final double SATURATED_CORE = 0.9;

    void write() {
        md.line("## Goals");
        md.line("");
        md.line("Each goal is a ratio of two figures of this run, so that the machine's speed cancels out.");
        md.line("");
        md.line(
                "| Goal | Measured | Against | Ratio (goal) | Verdict | Where a miss is bound (busiest process, cores) |");
        md.line("| --- | --- | --- | --- | --- | --- |");
        Optional<SystemRun.Result> comparisons = result.withComparisons();
        Optional<FlashSale.Run> hot =
                comparisons.flatMap(SystemRun.Result::flashSale).map(sale -> sale.hotProduct());
        hot.ifPresentOrElse(
                run -> {
                    goal(
                            "Hot product: settled/s ≥ 0.9 × accepted/s of `POST /orders` at the same load",
                            run.settled().settledPerSecond(),
                            run.post().acceptedRate(),
                            0.9,
                            "orders/s",
                            Optional.of(run.cpu()));
                    goal(
                            "Hot product: settled/s ≥ 0.8 × the same orders spread over many products",
                            run.settled().settledPerSecond(),
                            comparisons
                                    .orElseThrow()
                                    .flashSale()
                                    .orElseThrow()
                                    .spread()
                                    .settled()
                                    .settledPerSecond(),
                            0.8,
                            "orders/s",
                            Optional.of(run.cpu()));
                },
                () -> notMeasured("Hot product goals"));
        Optional<SystemRun.Result> onePartition = system(1);
        onePartition.ifPresentOrElse(
                system -> {
                    goal(
                            "Inventory on one partition: drain rate ≥ 10 × 303 events/s",
                            system.inventory().eventsPerSecond(),
                            SEED_INVENTORY_RATE,
                            10,
                            "events/s",
                            Optional.of(system.inventory().cpu()));
                    comparisons
                            .flatMap(SystemRun.Result::ceilings)
                            .ifPresent(ceilings -> goal(
                                    "Inventory on one partition: drain rate ≥ 0.5 × raw single-row UPDATE rate",
                                    system.inventory().eventsPerSecond(),
                                    ceilings.rawUpdate().perSecond(),
                                    0.5,
                                    "events/s",
                                    Optional.of(system.inventory().cpu())));
                },
                () -> notMeasured("Inventory on one partition (no 1-partition system in this profile)"));
        result.intake()
                .ifPresentOrElse(
                        intake -> goal(
                                "`POST /orders` ≥ 0.5 × raw JDBC order rate",
                                intake.post().acceptedRate(),
                                intake.rawJdbc().acceptedRate(),
                                0.5,
                                "orders/s",
                                Optional.of(intake.postCpu())),
                        () -> notMeasured("POST against raw JDBC"));
        result.relays().ifPresentOrElse(this::relayGoals, () -> notMeasured("Relay goals"));
        sixPartitions();
        md.line("");
    }

    private void relayGoals(RelayComparison.Figures relays) {
        goal(
                "CDC relay backlog throughput ≥ 1.3 × the polling relay",
                relays.cdcRowsPerSecond(),
                relays.pollingRowsPerSecond(),
                1.3,
                "rows/s",
                Optional.of(relays.cdcBacklogCpu()));
        Optional<RelayComparison.SteadyRun> polling = relays.polling().stream()
                .filter(run -> run.pollInterval().equals(GOAL_POLL_INTERVAL))
                .findFirst();
        if (relays.settings().steadyRowsPerSecond() != GOAL_RELAY_ROWS_PER_SECOND || polling.isEmpty()) {
            notMeasured("CDC p99 ≤ polling relay's at 10 ms, at 1,000 rows/s (not in this profile's settings)");
            return;
        }
        double cdc = relays.cdc().latency().p99();
        double poll = polling.get().latency().p99();
        md.line(
                "| At 1,000 rows/s, CDC p99 ≤ the polling relay's at 10 ms | %s ms | %s ms | %.2f (≤ 1) | %s | |",
                millis(cdc), millis(poll), cdc / poll, cdc <= poll ? "pass" : "**miss**");
    }

    /** The highest rate the 6-partition system sustained with every order settled, p99 under a second. */
    private void sixPartitions() {
        Optional<SystemRun.Result> system = system(GOAL_PARTITIONS);
        if (system.isEmpty()) {
            notMeasured("6 partitions: ≥ 400 orders/s to the confirmed order, p99 < 1 s (no 6-partition system)");
            return;
        }
        Optional<RateStep> best = system.get().steps().stream()
                .filter(step -> step.sustained() && step.orderSettled().p99() < GOAL_SETTLED_P99_MILLIS)
                .max(Comparator.comparingDouble(step -> step.post().targetRate()));
        RateStep last = system.get().steps().get(system.get().steps().size() - 1);
        goal(
                "6 partitions: ≥ 400 orders/s sustained to the confirmed order, p99 < 1 s",
                best.map(step -> step.post().targetRate()).orElse(0.0),
                GOAL_SETTLED_RATE,
                1,
                "orders/s",
                Optional.of(last.cpu()));
    }

    private void goal(
            String goal, double measured, double against, double target, String unit, Optional<CpuUsage> behind) {
        double ratio = measured / against;
        boolean pass = ratio >= target;
        md.line(
                "| %s | %s %s | %s %s | %.2f (≥ %s) | %s | %s |",
                goal,
                rate(measured),
                unit,
                rate(against),
                unit,
                ratio,
                String.format(Locale.ROOT, "%.1f", target),
                pass ? "pass" : "**miss**",
                pass ? "" : behind.map(this::bound).orElse("no CPU figures for this run"));
    }

    private void notMeasured(String goal) {
        md.line("| %s | | | | not measured | |", goal);
    }

    /**
     * The busiest process and the cores all kept busy. When none is near a full core and the machine had cores to
     * spare, CPU is not what bounds the figure: waiting is (commits, one partition's work done in series).
     */
    private String bound(CpuUsage cpu) {
        Map.Entry<String, Double> busiest = cpu.busiest();
        double coresBusy = cpu.totalCpuSeconds() / cpu.seconds();
        boolean cpuBound = busiest.getValue() >= SATURATED_CORE
                || coresBusy >= SATURATED_CORE * result.machine().cores();
        return String.format(
                Locale.ROOT,
                "%s, %.2f cores (all processes: %.2f of %d)%s",
                busiest.getKey(),
                busiest.getValue(),
                coresBusy,
                result.machine().cores(),
                cpuBound
                        ? ""
                        : "; no process near a full core: bound by waiting, or by other work on the machine"
                                + " (see the load average)");
    }

    private Optional<SystemRun.Result> system(int partitions) {
        return result.systems().stream()
                .filter(system -> system.partitions() == partitions)
                .findFirst();
    }
}
