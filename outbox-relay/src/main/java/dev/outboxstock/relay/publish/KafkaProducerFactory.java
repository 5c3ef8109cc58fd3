package dev.outboxstock.relay.publish;

import dev.outboxstock.relay.config.RelayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The relay's Kafka producer: every record acknowledged by all in-sync replicas, in order, without duplicates. */
@ApplicationScoped
public class KafkaProducerFactory {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @Produces
    @ApplicationScoped
    Producer<String, String> producer(RelayConfig config) {
        Map<String, Object> properties = new HashMap<>(config.kafka().producer());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, config.name());
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
        // How long send() waits for a topic's metadata; the relay then backs off and sends again.
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        // Not overridable: these are the relay's delivery guarantee. Idempotence keeps per-partition order even
        // with several requests in flight and retries. A record the producer gave up on could be overtaken by a
        // later one of the same key, so it never gives up on a retriable error: it retries (with exponential
        // backoff) until Kafka takes the record, and the relay reports itself not ready meanwhile.
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(properties);
    }

    void close(@Disposes Producer<String, String> producer) {
        producer.close(CLOSE_TIMEOUT);
    }
}
