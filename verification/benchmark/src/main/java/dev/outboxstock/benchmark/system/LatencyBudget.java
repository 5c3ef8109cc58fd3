package dev.outboxstock.benchmark.system;

import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.HistogramBuckets;
import dev.outboxstock.benchmark.measure.LatencySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When latency "runs away": a rate is sustained while order-service accepts what is asked in time and the pipeline
 * keeps up, that is while every limit below holds and every order the step placed reached its final status.
 *
 * @param minAcceptedShare of the target rate, accepted
 * @param maxFailedShare of the requests, failed
 * @param postP99Millis 99th percentile of {@code POST /orders}, from the moment each request was due
 * @param appliedP99Millis 99th percentile from order-service's commit to inventory's
 * @param drainTimeout after the load stops, until inventory applied every line
 */
public record LatencyBudget(
        double minAcceptedShare,
        double maxFailedShare,
        double postP99Millis,
        double appliedP99Millis,
        Duration drainTimeout) {

    public static final LatencyBudget DEFAULT = new LatencyBudget(0.95, 0.01, 1_000, 2_000, Duration.ofSeconds(10));

    RateStep judge(
            LoadResult post,
            LatencySummary commitToKafka,
            HistogramBuckets relayCommitToAck,
            LatencySummary commitToApplied,
            LatencySummary orderSettled,
            long unsettled,
            CpuUsage cpu,
            boolean drained) {
        List<String> breaches = new ArrayList<>();
        if (post.acceptedRate() < minAcceptedShare * post.targetRate()) {
            breaches.add(String.format("accepted %.0f/s", post.acceptedRate()));
        }
        if (post.failedShare() > maxFailedShare) {
            breaches.add(String.format("%.1f%% failed", post.failedShare() * 100));
        }
        if (post.responseTime().p99() > postP99Millis) {
            breaches.add("POST p99 > " + (long) postP99Millis + " ms");
        }
        if (commitToApplied.p99() > appliedP99Millis) {
            breaches.add("applied p99 > " + (long) appliedP99Millis + " ms");
        }
        if (!drained) {
            breaches.add("inventory behind");
        }
        if (unsettled > 0) {
            breaches.add(unsettled + " orders not settled");
        }
        return new RateStep(
                post,
                commitToKafka,
                relayCommitToAck,
                commitToApplied,
                orderSettled,
                cpu,
                breaches.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", breaches)));
    }
}
