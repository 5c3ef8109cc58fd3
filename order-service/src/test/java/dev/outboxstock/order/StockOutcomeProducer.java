package dev.outboxstock.order;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces inventory's outcomes the way its relay does: key = order id, event id and type in headers. */
public final class StockOutcomeProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public StockOutcomeProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new StringSerializer());
    }

    /** Sends an outcome about {@code orderId} and waits for Kafka's ack; {@code %s} in the payload is the order id. */
    public void send(UUID eventId, String type, UUID orderId, String payloadFormat)
            throws InterruptedException, ExecutionException {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                StockOutcomeTopic.NAME, orderId.toString(), payloadFormat.replace("%s", orderId.toString()));
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    /** Sends that inventory took one unit of the product for the order (as every test's order line asks). */
    public void sendStockTaken(UUID eventId, UUID orderId, String productId)
            throws InterruptedException, ExecutionException {
        send(
                eventId,
                StockDecreased.TYPE,
                orderId,
                "{\"orderId\":\"%s\",\"productId\":\"" + productId + "\",\"quantity\":1}");
    }

    /** As {@link #sendStockTaken(UUID, UUID, String)}, with a producer of its own: for a test that sends just one. */
    public static void sendStockTaken(LocalStack stack, UUID eventId, UUID orderId, String productId)
            throws InterruptedException, ExecutionException {
        try (StockOutcomeProducer outcomes =
                new StockOutcomeProducer(stack.kafka().orElseThrow().bootstrapServers())) {
            outcomes.sendStockTaken(eventId, orderId, productId);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
