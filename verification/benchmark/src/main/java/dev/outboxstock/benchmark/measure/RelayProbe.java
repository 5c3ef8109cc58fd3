package dev.outboxstock.benchmark.measure;

import dev.outboxstock.localstack.ServiceProcess;
import java.time.Duration;

/** What a running relay reports: whether it streams, and how many rows Kafka acknowledged. */
public final class RelayProbe {

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
}
