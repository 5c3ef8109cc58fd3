package dev.outboxstock.benchmark.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.testing.HeaderText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The latency of the order pipeline, per order line, from the stock topic and the outcome topic. Both relays stamp
 * each record with its row's commit time in PostgreSQL (one server, one clock), so:
 *
 * <ul>
 *   <li><b>commit → Kafka</b>: from order-service's commit to this reader receiving the stock request: when a consumer
 *       can have it. (The relay's own commit-to-ack histogram says when the relay learnt that Kafka has it.)
 *   <li><b>commit → stock applied</b>: from order-service's commit to inventory-service's commit of the stock
 *       change (the outcome's commit time): relay, Kafka, the consumer and inventory's transaction, end to end.
 * </ul>
 */
public final class PipelineLatency implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LatencyRecorder commitToKafka = new LatencyRecorder();
    private final LatencyRecorder commitToApplied = new LatencyRecorder();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong lastOutcomeCommitMillis = new AtomicLong();
    // Touched by the reading thread only. An outcome may be read before its request: both wait for the other.
    private final Map<String, Long> requestCommits = new HashMap<>();
    private final Map<String, Long> outcomeCommits = new HashMap<>();
    private final TopicReading reading;

    public PipelineLatency(String bootstrapServers) {
        reading = new TopicReading(bootstrapServers, List.of(StockTopic.NAME, StockOutcomeTopic.NAME), this::handle);
    }

    /** Order lines whose stock change inventory committed since this reader started. */
    public long applied() {
        return applied.get();
    }

    /** When inventory committed the latest stock change this reader has seen (PostgreSQL's clock, epoch ms). */
    public long lastOutcomeCommitMillis() {
        return lastOutcomeCommitMillis.get();
    }

    /** Waits until inventory applied {@code lines} lines since this reader started; false if not within timeout. */
    public boolean awaitApplied(long lines, Duration timeout) throws InterruptedException {
        return Await.until(() -> applied.get() >= lines, timeout);
    }

    /** Commit-to-Kafka latencies since the previous call. */
    public LatencySummary takeCommitToKafka() {
        return commitToKafka.take();
    }

    /** Commit-to-stock-applied latencies since the previous call. */
    public LatencySummary takeCommitToApplied() {
        return commitToApplied.take();
    }

    private void handle(ConsumerRecord<String, String> record) {
        String type = HeaderText.of(record.headers(), EventHeaders.EVENT_TYPE).orElse(null);
        if (record.topic().equals(StockTopic.NAME) && StockDecreaseRequested.TYPE.equals(type)) {
            commitToKafka.recordMillis(System.currentTimeMillis() - record.timestamp());
            String line = orderLine(record);
            Long outcome = outcomeCommits.remove(line);
            if (outcome == null) {
                requestCommits.put(line, record.timestamp());
            } else {
                applied(record.timestamp(), outcome);
            }
        } else if (StockDecreased.TYPE.equals(type) || StockDecreaseRejected.TYPE.equals(type)) {
            String line = orderLine(record);
            Long request = requestCommits.remove(line);
            if (request == null) {
                outcomeCommits.put(line, record.timestamp());
            } else {
                applied(request, record.timestamp());
            }
        }
    }

    private void applied(long requestCommit, long outcomeCommit) {
        commitToApplied.recordMillis(outcomeCommit - requestCommit);
        lastOutcomeCommitMillis.accumulateAndGet(outcomeCommit, Math::max);
        applied.incrementAndGet();
    }

    /** Requests and outcomes both name the order and the product, and an order has one line per product. */
    private static String orderLine(ConsumerRecord<String, String> record) {
        try {
            JsonNode payload = JSON.readTree(record.value());
            return payload.path("orderId").asText() + "/"
                    + payload.path("productId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable record on " + record.topic(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading.close();
    }
}
