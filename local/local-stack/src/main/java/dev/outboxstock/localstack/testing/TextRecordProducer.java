package dev.outboxstock.localstack.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records as the services write them, key and value strings and every header UTF-8 text (read back with
 * {@link HeaderText}), each acknowledged before the next: for tests that then look for what a service made of one.
 */
public final class TextRecordProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TextRecordProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new StringSerializer());
    }

    /** The record's place on its topic, once Kafka acknowledged it. */
    public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return AcknowledgedSend.send(producer, record);
    }

    @Override
    public void close() {
        producer.close();
    }
}
