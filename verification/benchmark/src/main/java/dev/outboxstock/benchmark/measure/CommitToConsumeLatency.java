package dev.outboxstock.benchmark.measure;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.localstack.testing.HeaderText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Commit to consume, measured the same way for any relay: the writer notes when each row's transaction commit
 * returned ({@link #committed}), and this reader, on a topic, measures from then to the record (found by its event
 * id header) arriving here: when a consumer can have the row.
 */
public final class CommitToConsumeLatency implements AutoCloseable {

    private final Map<UUID, Long> commitNanos = new ConcurrentHashMap<>();
    /**
     * Records that arrived before the writer noted its commit: the relay can be faster than the writer's thread
     * returning from {@code commit()}. Without them such a row would be waited for forever.
     */
    private final Map<UUID, Long> arrivedFirst = new ConcurrentHashMap<>();

    private final LatencyRecorder latency = new LatencyRecorder();
    private final TopicReading reading;

    public CommitToConsumeLatency(String bootstrapServers, String topic) {
        reading = new TopicReading(bootstrapServers, List.of(topic), this::handle);
    }

    /** The writer's commit of these rows returned now. */
    public synchronized void committed(List<UUID> eventIds) {
        long now = System.nanoTime();
        for (UUID id : eventIds) {
            Long arrived = arrivedFirst.remove(id);
            if (arrived == null) {
                commitNanos.put(id, now);
            } else {
                latency.recordNanos(arrived - now);
            }
        }
    }

    /** Rows committed and not received yet. */
    public int missing() {
        return commitNanos.size();
    }

    /** Waits until every committed row was received; false if not within the timeout. */
    public boolean awaitAllReceived(Duration timeout) throws InterruptedException {
        return Await.until(commitNanos::isEmpty, timeout);
    }

    /** Latencies since the previous call. */
    public LatencySummary take() {
        return latency.take();
    }

    private synchronized void handle(ConsumerRecord<String, String> record) {
        Optional<String> id = HeaderText.of(record.headers(), EventHeaders.EVENT_ID);
        if (id.isEmpty()) {
            return;
        }
        UUID eventId = UUID.fromString(id.get());
        Long committed = commitNanos.remove(eventId);
        if (committed == null) {
            arrivedFirst.put(eventId, System.nanoTime());
        } else {
            latency.recordNanos(System.nanoTime() - committed);
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading.close();
    }
}
