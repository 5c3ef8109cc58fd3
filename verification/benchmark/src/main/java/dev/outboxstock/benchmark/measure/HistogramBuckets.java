package dev.outboxstock.benchmark.measure;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A Prometheus histogram as a service publishes it: for each bucket's upper bound ({@code le}, seconds), how many
 * observations were at most that. Two readings' difference is what was observed in between; its percentiles are
 * known only up to the bucket that holds them, so they are given as that bucket's upper bound.
 */
public record HistogramBuckets(NavigableMap<Double, Long> cumulativeCounts) {

    public HistogramBuckets minus(HistogramBuckets earlier) {
        NavigableMap<Double, Long> difference = new TreeMap<>();
        cumulativeCounts.forEach(
                (bound, count) -> difference.put(bound, count - earlier.cumulativeCounts.getOrDefault(bound, 0L)));
        return new HistogramBuckets(difference);
    }

    /** The upper bound, in milliseconds, of the bucket holding the percentile; NaN when nothing was observed. */
    public double percentileUpperBoundMillis(double percentile) {
        long total =
                cumulativeCounts.isEmpty() ? 0 : cumulativeCounts.lastEntry().getValue();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = Math.ceil(percentile / 100 * total);
        for (Map.Entry<Double, Long> bucket : cumulativeCounts.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey() * 1_000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
