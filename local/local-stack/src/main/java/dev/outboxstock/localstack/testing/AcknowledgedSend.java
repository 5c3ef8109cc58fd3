package dev.outboxstock.localstack.testing;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends a record and waits for Kafka's acknowledgement, for tests that then look for what a service made of it. */
public final class AcknowledgedSend {

    private AcknowledgedSend() {}

    /** A producer of raw bytes, for records no service would write: garbage, headers that are not text. */
    public static KafkaProducer<byte[], byte[]> bytesProducer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** The record's place on its topic, once Kafka acknowledged it; a failed send fails with its cause. */
    public static <K, V> RecordMetadata send(Producer<K, V> producer, ProducerRecord<K, V> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
