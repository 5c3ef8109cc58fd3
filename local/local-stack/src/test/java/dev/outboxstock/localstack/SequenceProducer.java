package dev.outboxstock.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes 0, 1, 2, ... to one partition with {@code acks=all}, one write at a time on a thread of its own, and
 * remembers which writes Kafka acknowledged and when: what a fault test must find again, and how long writes stalled.
 */
final class SequenceProducer implements AutoCloseable {

    private record Acknowledgement(String value, long atNanos) {}

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int partition;
    private final List<Acknowledgement> acknowledged = new ArrayList<>();
    private final List<Exception> failures = new ArrayList<>();
    private final Thread thread = new Thread(this::produce, "sequence-producer");
    private volatile boolean running = true;

    SequenceProducer(String bootstrapServers, String topic, int partition) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0),
                new StringSerializer(),
                new StringSerializer());
        this.topic = topic;
        this.partition = partition;
        thread.start();
    }

    private void produce() {
        for (long sequence = 0; running; sequence++) {
            String value = String.valueOf(sequence);
            try {
                producer.send(new ProducerRecord<>(topic, partition, "sequence", value))
                        .get();
                acknowledge(value);
            } catch (ExecutionException e) {
                fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void acknowledge(String value) {
        acknowledged.add(new Acknowledgement(value, System.nanoTime()));
    }

    private synchronized void fail(Exception e) {
        failures.add(e);
    }

    synchronized int acknowledgedCount() {
        return acknowledged.size();
    }

    synchronized List<String> acknowledgedValues() {
        return acknowledged.stream().map(Acknowledgement::value).toList();
    }

    synchronized List<Exception> failures() {
        return List.copyOf(failures);
    }

    /** The longest time between two consecutive acknowledgements: how long writers were blocked by a failover. */
    synchronized Duration longestStall() {
        long longest = 0;
        for (int i = 1; i < acknowledged.size(); i++) {
            longest = Math.max(
                    longest,
                    acknowledged.get(i).atNanos() - acknowledged.get(i - 1).atNanos());
        }
        return Duration.ofNanos(longest);
    }

    /** Waits until {@code more} writes beyond those acknowledged so far are acknowledged. */
    void awaitMoreAcknowledged(int more, Duration timeout) {
        int target = acknowledgedCount() + more;
        Await.until(
                () -> acknowledgedCount() >= target,
                timeout,
                () -> acknowledgedCount() + " of " + target + " writes acknowledged, failures " + failures());
    }

    /** Stops writing; every write sent has its outcome once this returns. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        producer.close();
    }
}
