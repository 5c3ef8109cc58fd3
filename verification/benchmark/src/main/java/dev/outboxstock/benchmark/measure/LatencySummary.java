package dev.outboxstock.benchmark.measure;

import org.HdrHistogram.Histogram;

/** Percentiles of a set of latencies, in milliseconds. Empty when nothing was recorded. */
public record LatencySummary(long count, double p50, double p95, double p99, double max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(
                micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }
}
