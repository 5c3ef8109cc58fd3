package dev.outboxstock.benchmark.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistogramBucketsTest {

    @Test
    void percentilesOfWhatWasObservedBetweenTwoReadingsAreTheirBucketsUpperBounds() {
        HistogramBuckets before = buckets(10, 10, 10, 10);
        // Between the readings: 90 observations up to 5 ms, 9 more up to 50 ms, 1 more up to 1 s.
        HistogramBuckets after = buckets(100, 109, 110, 110);

        HistogramBuckets between = after.minus(before);

        assertThat(between.percentileUpperBoundMillis(50)).isEqualTo(5);
        assertThat(between.percentileUpperBoundMillis(90)).isEqualTo(5);
        assertThat(between.percentileUpperBoundMillis(99)).isEqualTo(50);
        assertThat(between.percentileUpperBoundMillis(100)).isEqualTo(1_000);
    }

    @Test
    void nothingObservedHasNoPercentiles() {
        assertThat(buckets(3, 3, 3, 3).minus(buckets(3, 3, 3, 3)).percentileUpperBoundMillis(99))
                .isNaN();
    }

    /** Cumulative counts at 5 ms, 50 ms, 1 s and +Inf. */
    private static HistogramBuckets buckets(long upTo5ms, long upTo50ms, long upTo1s, long all) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        counts.put(0.005, upTo5ms);
        counts.put(0.05, upTo50ms);
        counts.put(1.0, upTo1s);
        counts.put(Double.POSITIVE_INFINITY, all);
        return new HistogramBuckets(counts);
    }
}
