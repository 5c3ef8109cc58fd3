package dev.outboxstock.benchmark.measure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records arriving on a topic, counted, with the times of the first and the last: a throughput read by a consumer,
 * as any consumer would see it, without asking the process under measurement for its metrics meanwhile.
 */
public final class TopicArrivals implements AutoCloseable {

    private final AtomicLong arrived = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;
    private final TopicReading reading;

    /** Starts reading at the topic's current end. */
    public TopicArrivals(String bootstrapServers, String topic) {
        reading = new TopicReading(bootstrapServers, List.of(topic), record -> arrived());
    }

    /** Records per second from the first arrival to the last, once {@code records} records have arrived. */
    public double rateOnceArrived(long records, Duration timeout) throws InterruptedException {
        if (!Await.until(() -> arrived.get() >= records, timeout)) {
            throw new IllegalStateException(arrived.get() + " of " + records + " records arrived within " + timeout);
        }
        return (arrived.get() - 1) / ((lastNanos - firstNanos) / 1e9);
    }

    /** Called by the reading thread only. */
    private void arrived() {
        long now = System.nanoTime();
        if (arrived.get() == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        arrived.incrementAndGet();
    }

    @Override
    public void close() throws InterruptedException {
        reading.close();
    }
}
