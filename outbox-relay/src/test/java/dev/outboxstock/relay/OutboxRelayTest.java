package dev.outboxstock.relay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.localstack.testing.LocalStackTestResource;
import dev.outboxstock.localstack.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = LocalStackTestResource.class,
        initArgs = {
            @ResourceArg(name = LocalStackTestResource.DATABASES, value = "orders"),
            @ResourceArg(name = LocalStackTestResource.INIT_SCRIPT, value = "outbox-schema.sql")
        })
class OutboxRelayTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @Test
    void relaysEveryOutboxRowToItsTopicKeyedByAggregateIdInCommitOrder() throws Exception {
        String productA = "relay-a-" + UUID.randomUUID();
        String productB = "relay-b-" + UUID.randomUUID();
        List<OutboxRow> rows = List.of(
                OutboxRow.stock(productA, "{\"step\": 1}"),
                OutboxRow.stock(productB, "{\"step\": 2}"),
                OutboxRow.stock(productA, "{\"step\": 3}"));
        insertInOneTransaction(rows.subList(0, 2));
        insertInOneTransaction(rows.subList(2, 3));

        Set<String> ids = rows.stream().map(row -> row.id().toString()).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> relayed = TopicReader.readUntil(
                        stack.kafka().orElseThrow().bootstrapServers(),
                        StockTopic.NAME,
                        records -> records.stream()
                                .map(this::eventId)
                                .collect(Collectors.toSet())
                                .containsAll(ids),
                        DELIVERY_TIMEOUT)
                .stream()
                .filter(record -> ids.contains(eventId(record)))
                .toList();

        assertThat(relayed).hasSize(rows.size());
        for (OutboxRow row : rows) {
            ConsumerRecord<String, String> record = relayed.stream()
                    .filter(candidate -> eventId(candidate).equals(row.id().toString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(record.key()).isEqualTo(row.aggregateId());
            assertThat(record.value()).isEqualTo(row.payload());
            assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo(row.type());
        }
        List<ConsumerRecord<String, String>> productARecords =
                relayed.stream().filter(record -> record.key().equals(productA)).toList();
        assertThat(productARecords)
                .extracting(ConsumerRecord::partition)
                .containsOnly(productARecords.get(0).partition());
        assertThat(productARecords).extracting(ConsumerRecord::value).containsExactly("{\"step\": 1}", "{\"step\": 3}");
    }

    @Test
    void isReadyWhileStreaming() {
        org.awaitility.Awaitility.await()
                .atMost(DELIVERY_TIMEOUT)
                .untilAsserted(
                        () -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private void insertInOneTransaction(List<OutboxRow> rows) throws Exception {
        try (Connection connection = stack.postgres().orElseThrow().connect("orders")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload) VALUES (?, ?, ?, ?, ?::jsonb)")) {
                for (OutboxRow row : rows) {
                    insert.setObject(1, row.id());
                    insert.setString(2, row.aggregateType());
                    insert.setString(3, row.aggregateId());
                    insert.setString(4, row.type());
                    insert.setString(5, row.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private String eventId(ConsumerRecord<String, String> record) {
        return header(record, EventHeaders.EVENT_ID);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private record OutboxRow(UUID id, String aggregateType, String aggregateId, String type, String payload) {

        static OutboxRow stock(String productId, String payload) {
            return new OutboxRow(UUID.randomUUID(), StockTopic.AGGREGATE_TYPE, productId, "TestEvent", payload);
        }
    }
}
