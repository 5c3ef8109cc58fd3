package dev.outboxstock.benchmark.system;

import dev.outboxstock.benchmark.load.LoadResult;
import dev.outboxstock.benchmark.measure.CpuUsage;
import dev.outboxstock.benchmark.measure.HistogramBuckets;
import dev.outboxstock.benchmark.measure.LatencySummary;
import java.util.Optional;

/**
 * One target rate held for a while: {@code POST /orders} as the open-loop generator saw it, and the pipeline's
 * latencies for the order lines placed meanwhile.
 *
 * @param relayCommitToAck the order relay's own histogram over the step: from each row's commit to Kafka's ack
 * @param orderSettled from each order's acceptance to its final status (CONFIRMED or REJECTED), order-service's
 *     own timestamps
 * @param cpu from the step's first order until every order it placed has its final status
 * @param breach why the rate was not sustained; empty when it was
 */
public record RateStep(
        LoadResult post,
        LatencySummary commitToKafka,
        HistogramBuckets relayCommitToAck,
        LatencySummary commitToApplied,
        LatencySummary orderSettled,
        CpuUsage cpu,
        Optional<String> breach) {

    public boolean sustained() {
        return breach.isEmpty();
    }
}
