package dev.outboxstock.order.door;

import static dev.outboxstock.order.CustomerOrders.body;
import static dev.outboxstock.order.CustomerOrders.line;
import static dev.outboxstock.order.CustomerOrders.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.contract.Topics;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.TopicReader;
import dev.outboxstock.order.OrderTestResource;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.StockLevelProducer;
import dev.outboxstock.order.service.StockLevelView;
import dev.outboxstock.problem.Problem;
import dev.outboxstock.token.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The door of {@code POST /orders}: the stock levels inventory publishes, read from Kafka into the view, refuse an
 * order whose line asks for more than its product's level with a 409 sold-out problem and nothing written, and let
 * orders in again once a higher level arrives. What nobody can read is dead-lettered and leaves the door as it was.
 */
@QuarkusTest
@OrderTestResource
class SoldOutDoorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @Inject
    StockLevelView view;

    @Inject
    MeterRegistry registry;

    private StockLevelProducer levels;
    private OrdersDatabase database;

    @BeforeEach
    void connect() {
        levels = new StockLevelProducer(stack.kafka().orElseThrow().bootstrapServers());
        database = new OrdersDatabase(stack);
    }

    @AfterEach
    void disconnect() {
        levels.close();
    }

    @Test
    void theDoorRefusesOnceALevelBelowTheLineArrivesAndOpensAgainAfterAReplenishment() {
        String product = "door-" + UUID.randomUUID();
        String other = "door-other-" + UUID.randomUUID();
        post(body(line(product, 2))).statusCode(201);

        levels.send(product, 1);
        awaitLevel(product, 1);
        double refusedBefore = refusedAtTheDoor();
        long rowsBefore = database.rowsInAllTables();
        postWithKey(UUID.randomUUID().toString(), body(line(other, 1), line(product, 2)))
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("/sold-out"))
                .body("status", equalTo(409))
                .body("productIds", contains(product));
        assertThat(database.rowsInAllTables())
                .as("no order, line, outbox row or idempotency record")
                .isEqualTo(rowsBefore);
        assertThat(refusedAtTheDoor()).isEqualTo(refusedBefore + 1);
        post(body(line(product, 1))).statusCode(201);

        levels.send(product, 0);
        levels.send(product, 5);
        awaitLevel(product, 5);
        post(body(line(product, 2))).statusCode(201);
        assertThat(refusedAtTheDoor()).isEqualTo(refusedBefore + 1);
    }

    /** The door never turns a retry of a placed order into a refusal: the customer gets the order placed first. */
    @Test
    void aRetryOfAnOrderPlacedBeforeTheProductSoldOutGetsThatOrder() {
        String product = "door-retry-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String order = postWithKey(key, body(line(product, 2)))
                .statusCode(201)
                .extract()
                .path("id");

        levels.send(product, 0);
        awaitLevel(product, 0);

        postWithKey(key, body(line(product, 2)))
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(order));
        postWithKey(UUID.randomUUID().toString(), body(line(product, 2))).statusCode(409);
    }

    @Test
    void aLevelNobodyCanReadIsDeadLetteredAndNeverClosesTheDoor() {
        String product = "door-bad-" + UUID.randomUUID();
        levels.send(product, 10);
        awaitLevel(product, 10);

        List<UUID> unreadable = List.of(
                levels.send(product, "not json"),
                levels.send(product, "{\"productId\":\"" + product + "\",\"available\":-1}"),
                levels.send(product, "{\"productId\":\"" + product + "\"}"),
                levels.send(product, "{\"productId\":\"" + product + "\",\"available\":null}"),
                levels.send(product, "{\"productId\":\"someone-else\",\"available\":0}"));
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.readUntil(
                        stack.kafka().orElseThrow().bootstrapServers(),
                        StockLevelTopic.DEAD_LETTER,
                        read -> eventIdsOf(read)
                                .containsAll(
                                        unreadable.stream().map(UUID::toString).toList()),
                        TIMEOUT)
                .stream()
                .filter(record -> product.equals(record.key()))
                .toList();

        assertThat(deadLetters)
                .map(record ->
                        HeaderText.of(record.headers(), "dead-letter-reason").orElseThrow())
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("not JSON"),
                        reason -> assertThat(reason).contains("available"),
                        reason -> assertThat(reason).contains("available"),
                        reason -> assertThat(reason).contains("available"),
                        reason -> assertThat(reason).contains("is not the product id"));
        assertThat(view.levelOf(product)).contains(10);
        assertThat(view.levelOf("someone-else")).isEmpty();
        post(body(line(product, 10))).statusCode(201);
        levels.send(product, 3);
        awaitLevel(product, 3);
    }

    @Test
    void theLevelsTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().orElseThrow().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, StockLevelTopic.NAME);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        assertThat(Topics.COMPACTED).containsExactly(StockLevelTopic.NAME);
    }

    private void awaitLevel(String product, int available) {
        await().atMost(TIMEOUT).until(() -> view.levelOf(product).equals(Optional.of(available)));
    }

    private double refusedAtTheDoor() {
        return registry.counter("orders.refused.sold.out").count();
    }

    private static ValidatableResponse postWithKey(String key, String body) {
        return given().auth()
                .oauth2(TestTokens.customer())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/orders")
                .then();
    }

    private static List<String> eventIdsOf(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(record ->
                        HeaderText.of(record.headers(), EventHeaders.EVENT_ID).orElse(""))
                .toList();
    }
}
