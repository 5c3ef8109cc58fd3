package dev.outboxstock.order;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.TextRecordProducer;
import java.util.Map;
import java.util.UUID;

/** Produces inventory's outcomes the way its relay does: key = order id, event id and type in headers. */
public final class StockOutcomeProducer implements AutoCloseable {

    private final TextRecordProducer producer;

    public StockOutcomeProducer(String bootstrapServers) {
        producer = new TextRecordProducer(bootstrapServers);
    }

    /** Sends an outcome about {@code orderId} and waits for Kafka's ack; {@code %s} in the payload is the order id. */
    public void send(UUID eventId, String type, UUID orderId, String payloadFormat) {
        producer.send(
                StockOutcomeTopic.NAME,
                orderId.toString(),
                payloadFormat.replace("%s", orderId.toString()),
                Map.of(EventHeaders.EVENT_ID, eventId.toString(), EventHeaders.EVENT_TYPE, type));
    }

    /** Sends that inventory took one unit of the product for the order (as every test's order line asks). */
    public void sendStockTaken(UUID eventId, UUID orderId, String productId) {
        send(
                eventId,
                StockDecreased.TYPE,
                orderId,
                "{\"orderId\":\"%s\",\"productId\":\"" + productId + "\",\"quantity\":1}");
    }

    /** As {@link #sendStockTaken(UUID, UUID, String)}, with a producer of its own: for a test that sends just one. */
    public static void sendStockTaken(LocalStack stack, UUID eventId, UUID orderId, String productId) {
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
