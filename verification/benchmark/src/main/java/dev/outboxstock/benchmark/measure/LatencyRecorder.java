package dev.outboxstock.benchmark.measure;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded from any thread into an HdrHistogram (microseconds, 3 significant digits), read out as a
 * {@link LatencySummary} of what was recorded since the last read.
 */
public final class LatencyRecorder {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);

    public void recordNanos(long nanos) {
        recordMicros(nanos / 1_000);
    }

    public void recordMillis(long millis) {
        recordMicros(millis * 1_000);
    }

    /** Everything recorded since the previous call (or since creation), and starts afresh. */
    public LatencySummary take() {
        Histogram histogram = recorder.getIntervalHistogram();
        return LatencySummary.of(histogram);
    }

    private void recordMicros(long micros) {
        // A negative value is clock jitter between two processes' readings of the same clock: count it as zero.
        recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, micros)));
    }
}
