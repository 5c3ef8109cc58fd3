package dev.outboxstock.console;

import dev.outboxstock.contract.DeadLetterHeaders;
import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockLevel;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.testing.AcknowledgedSend;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes dead letters as the services and relays write them: a consumer's (SmallRye's headers) and a relay's. */
public final class DeadLetterProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public DeadLetterProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new StringSerializer());
    }

    /** A {@code StockReplenished} inventory-service could not apply, as its dead-letter queue sends it. */
    public void stockEventDeadLetter(UUID eventId, String productId, int quantity, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, eventId.toString());
        headers.put(EventHeaders.EVENT_TYPE, StockReplenished.TYPE);
        headers.put(DeadLetterHeaders.REASON, reason);
        headers.put(DeadLetterHeaders.TOPIC, StockTopic.NAME);
        headers.put(DeadLetterHeaders.PARTITION, "2");
        headers.put(DeadLetterHeaders.OFFSET, "41");
        send(
                StockTopic.DEAD_LETTER,
                productId,
                "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}",
                headers);
    }

    /** A stock level order-service could not read, as its dead-letter queue sends it. */
    public void stockLevelDeadLetter(UUID eventId, String productId, String value, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, eventId.toString());
        headers.put(EventHeaders.EVENT_TYPE, StockLevel.TYPE);
        headers.put(DeadLetterHeaders.REASON, reason);
        headers.put(DeadLetterHeaders.TOPIC, StockLevelTopic.NAME);
        headers.put(DeadLetterHeaders.PARTITION, "1");
        headers.put(DeadLetterHeaders.OFFSET, "7");
        send(StockLevelTopic.DEAD_LETTER, productId, value, headers);
    }

    /** An outbox row a relay could not route, as its JSON, with the reason in headers. */
    public void outboxDeadLetter(UUID eventId, String key, String rowJson, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, eventId.toString());
        headers.put(DeadLetterTopic.REASON_HEADER, reason);
        headers.put(DeadLetterTopic.DETAIL_HEADER, "as the test says");
        headers.put(DeadLetterTopic.SOURCE_HEADER, "order-relay/public.outbox_event");
        send(DeadLetterTopic.NAME, key, rowJson, headers);
    }

    /** What a consumer's dead-letter queue sends for a record it could not apply: the record and its own headers. */
    public void again(ConsumerRecord<String, String> failed, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        failed.headers()
                .forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        headers.put(DeadLetterHeaders.REASON, reason);
        headers.put(DeadLetterHeaders.TOPIC, failed.topic());
        headers.put(DeadLetterHeaders.PARTITION, String.valueOf(failed.partition()));
        headers.put(DeadLetterHeaders.OFFSET, String.valueOf(failed.offset()));
        send(StockTopic.DEAD_LETTER, failed.key(), failed.value(), headers);
    }

    /** A record as it is given, headers of any bytes included. */
    public void send(ProducerRecord<String, String> record) {
        AcknowledgedSend.send(producer, record);
    }

    private void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        AcknowledgedSend.send(producer, record);
    }

    @Override
    public void close() {
        producer.close();
    }
}
