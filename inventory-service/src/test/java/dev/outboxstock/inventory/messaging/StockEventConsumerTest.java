package dev.outboxstock.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.inventory.InventoryTestResource;
import dev.outboxstock.inventory.service.StockService;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@InventoryTestResource
class StockEventConsumerTest {

    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @Inject
    StockService stockService;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafka().orElseThrow().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void decreasesStockOncePerEventEvenWhenTheEventIsDeliveredTwice() throws Exception {
        String product = "ev-" + UUID.randomUUID();
        stockService.setAvailable(product, 10);
        UUID eventId = UUID.randomUUID();

        send(eventId, product, 3);
        send(eventId, product, 3);
        UUID marker = UUID.randomUUID();
        send(marker, product, 1);

        await().atMost(APPLY_TIMEOUT).until(() -> isProcessed(marker));
        assertThat(available(product)).isEqualTo(10 - 3 - 1);
    }

    @Test
    void rejectsADecreaseBeyondTheAvailableStockAndLeavesStockUnchanged() throws Exception {
        String product = "ev-" + UUID.randomUUID();
        stockService.setAvailable(product, 2);
        UUID tooMany = UUID.randomUUID();

        send(tooMany, product, 3);

        await().atMost(APPLY_TIMEOUT).until(() -> isProcessed(tooMany));
        assertThat(available(product)).isEqualTo(2);
    }

    private void send(UUID eventId, String productId, int quantity) throws Exception {
        String payload = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"productId\":\"" + productId + "\",\"quantity\":"
                + quantity + "}";
        ProducerRecord<String, String> record = new ProducerRecord<>(StockTopic.NAME, productId, payload);
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, StockDecreaseRequested.TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private boolean isProcessed(UUID eventId) throws Exception {
        return queryInt("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1;
    }

    private int available(String productId) throws Exception {
        return queryInt("SELECT available FROM product WHERE id = ?", productId);
    }

    private int queryInt(String sql, Object parameter) throws Exception {
        try (Connection connection = stack.postgres().orElseThrow().connect("inventory");
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
