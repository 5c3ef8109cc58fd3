package dev.outboxstock.inventory;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.contract.StockTopic;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces stock events the way the relay does: key = product id, event id and type in headers. */
public final class StockEventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public StockEventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(),
                new StringSerializer());
    }

    public Future<RecordMetadata> decrease(UUID eventId, UUID orderId, String productId, int quantity) {
        return send(eventId, StockDecreaseRequested.TYPE, productId, orderPayload(orderId, productId, quantity));
    }

    public Future<RecordMetadata> release(UUID eventId, UUID orderId, String productId, int quantity) {
        return send(eventId, StockReleaseRequested.TYPE, productId, orderPayload(orderId, productId, quantity));
    }

    public Future<RecordMetadata> replenish(UUID eventId, String productId, int quantity) {
        return send(
                eventId,
                StockReplenished.TYPE,
                productId,
                "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}");
    }

    /** Any record at all, for the garbage a consumer must survive. */
    public Future<RecordMetadata> raw(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(StockTopic.NAME, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    public static RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Not sent", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private Future<RecordMetadata> send(UUID eventId, String type, String productId, String payload) {
        return raw(
                productId, payload, Map.of(EventHeaders.EVENT_ID, eventId.toString(), EventHeaders.EVENT_TYPE, type));
    }

    private static String orderPayload(UUID orderId, String productId, int quantity) {
        return "{\"orderId\":\"" + orderId + "\",\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}";
    }
}
