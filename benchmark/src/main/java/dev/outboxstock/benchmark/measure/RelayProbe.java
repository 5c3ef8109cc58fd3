package dev.outboxstock.benchmark.measure;

import dev.outboxstock.localstack.ServiceProcess;
import java.time.Duration;

/** What a running relay reports: whether it streams, and how many rows Kafka acknowledged. */
public final class RelayProbe {

    /** Often enough for a rate within a few percent, rarely enough not to load the relay with scrapes. */
    private static final long SAMPLE_MILLIS = 50;

    private final ServiceMetrics metrics;

    public RelayProbe(ServiceProcess relay) {
        this.metrics = new ServiceMetrics(relay);
    }

    public boolean isStreaming() {
        return metrics.readiness().contains("STREAMING");
    }

    /** Rows Kafka acknowledged since this relay process started. */
    public long relayed() {
        return metrics.counter("relay_records_relayed_total");
    }

    /** The relay's own measurement: from each row's commit in PostgreSQL to Kafka's ack, since it started. */
    public HistogramBuckets commitToAck() {
        return metrics.histogram("relay_commit_to_ack_seconds");
    }

    /** Waits until the relay streams and has relayed {@code rows} rows since it started. */
    public void awaitRelayed(long rows, Duration timeout) throws InterruptedException {
        if (!Await.until(() -> isStreaming() && relayed() >= rows, timeout)) {
            throw new IllegalStateException(
                    "The relay relayed " + relayed() + " of " + rows + " rows within " + timeout);
        }
    }

    /**
     * Rows per second from the first to the last acknowledgement of a backlog of {@code rows} rows, the relay's
     * counter starting at {@code from}.
     */
    public double drainRate(long from, long rows, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstAt = 0;
        long firstCount = 0;
        while (System.nanoTime() < deadline) {
            long relayed = relayed();
            long now = System.nanoTime();
            if (firstAt == 0 && relayed > from) {
                firstAt = now;
                firstCount = relayed;
            }
            if (relayed >= from + rows) {
                return (relayed - firstCount) / ((now - firstAt) / 1e9);
            }
            Thread.sleep(SAMPLE_MILLIS);
        }
        throw new IllegalStateException("The relay did not relay a backlog of " + rows + " rows within " + timeout);
    }
}
