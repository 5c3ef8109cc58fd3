package dev.outboxstock.relay.publish;

import dev.outboxstock.relay.config.RelayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes the relay's Kafka producers: transactional, one per term as the streaming replica. Every replica of a relay
 * uses the relay's name as its {@code transactional.id}, so a new term's producer fences the previous one: a former
 * streamer that wakes up (after a GC pause, SIGSTOP, a network cut) can no longer commit anything. Each producer's
 * own metrics (kafka_producer_*: record send rate, errors, retries, request latency, buffer use) are on
 * {@code /q/metrics} for as long as it lives.
 */
@ApplicationScoped
public class KafkaProducerFactory {

    /** What the relay's delivery guarantee rests on: never taken from {@code relay.kafka.producer.*}. */
    public static final Set<String> GUARANTEED = Set.of(
            ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    private final RelayConfig config;
    private final Map<String, Object> kafkaDefaults;
    private final MeterRegistry registry;
    private final Map<Producer<String, String>, KafkaClientMetrics> metrics = new IdentityHashMap<>();

    /**
     * @param kafkaDefaults every {@code kafka.*} setting, as the services' Kafka clients get them: where a cluster
     *     asks for TLS and SASL, the same {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*} and
     *     {@code KAFKA_SSL_*} variables configure the relay
     */
    public KafkaProducerFactory(
            RelayConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults,
            MeterRegistry registry) {
        this.config = config;
        this.kafkaDefaults = kafkaDefaults;
        this.registry = registry;
    }

    /** A new producer; {@code initTransactions} is the caller's, once it may stream. */
    Producer<String, String> create() {
        Map<String, Object> properties = new HashMap<>(kafkaDefaults);
        properties.putAll(config.kafka().producer());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, config.name());
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
        // How long send() waits for a topic's metadata, and a commit for its answer; the relay then tries again.
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        // The guarantee. Idempotence keeps per-partition order with several requests in flight and retries; the
        // producer retries a retriable error until Kafka takes the record (a record given up on could be overtaken
        // by a later one of its key), and the relay reports itself not ready meanwhile. Each batch is one
        // transaction: read_committed consumers see all of it or, if it was aborted, none.
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.name());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        Producer<String, String> producer = new KafkaProducer<>(properties);
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        synchronized (metrics) {
            metrics.put(producer, producerMetrics);
        }
        return producer;
    }

    /** Closes a producer at once (an open transaction is aborted by the broker) and removes its metrics. */
    void close(Producer<String, String> producer) {
        KafkaClientMetrics producerMetrics;
        synchronized (metrics) {
            producerMetrics = metrics.remove(producer);
        }
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        producer.close(Duration.ZERO);
    }
}
