package dev.outboxstock.benchmark.report;

import static dev.outboxstock.benchmark.report.Markdown.millis;
import static dev.outboxstock.benchmark.report.Markdown.partitions;
import static dev.outboxstock.benchmark.report.Markdown.percentiles;

import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.system.LatencyBudget;
import dev.outboxstock.benchmark.system.RateStep;
import dev.outboxstock.benchmark.system.SystemRun;
import dev.outboxstock.benchmark.workload.OrderWorkload;

/** Latency versus rate: every rate step of every system, with its verdict against the latency budget. */
record ScalingSection(BenchmarkResult result, Markdown md) {

    void write() {
        LatencyBudget budget = LatencyBudget.DEFAULT;
        md.line("## Scaling: latency versus rate");
        md.line("");
        md.line("![Latency percentiles versus target rate](%s)", MarkdownReport.CHART_FILE);
        md.line("");
        md.line(
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
        md.line("");
        md.line(
                "| Partitions | Target orders/s | Accepted orders/s | Failed | POST p50 / p95 / p99 / max (ms) | Commit to"
                        + " Kafka p50 / p95 / p99 / max (ms) | Relay's commit to ack p99 at most (ms) | Commit to stock applied"
                        + " p50 / p95 / p99 / max (ms) | Accepted to order settled p50 / p95 / p99 / max (ms) | Verdict |");
        md.line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (SystemRun.Result system : result.systems()) {
            for (RateStep step : system.steps()) {
                LoadResult post = step.post();
                md.line(
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
        md.line("");
        md.line(
                "Load average after each system: %s.",
                String.join(
                        "; ",
                        result.systems().stream()
                                .map(system -> partitions(system.partitions()) + ": " + system.loadAverage())
                                .toList()));
        md.line("");
    }
}
