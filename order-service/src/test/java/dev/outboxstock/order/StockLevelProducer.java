package dev.outboxstock.order;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockLevel;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.localstack.testing.AcknowledgedSend;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes stock levels the way inventory's relay does: key = product id, event id and type in headers. */
public final class StockLevelProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public StockLevelProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new StringSerializer());
    }

    /** Publishes that the product has this many units, and waits for Kafka's ack. */
    public void send(String productId, int available) {
        send(productId, "{\"productId\":\"" + productId + "\",\"available\":" + available + "}");
    }

    /** Publishes this value as a level of the product (keyed by it), whatever it holds; returns its event id. */
    public UUID send(String productId, String value) {
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(StockLevelTopic.NAME, productId, value);
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, StockLevel.TYPE.getBytes(StandardCharsets.UTF_8));
        AcknowledgedSend.send(producer, record);
        return eventId;
    }

    @Override
    public void close() {
        producer.close();
    }
}
