package dev.outboxstock.relay;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.OutboxRouting;
import dev.outboxstock.contract.RelayedRecord;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.InjectLocalStack;
import dev.outboxstock.relay.testing.InProcessRelay;
import dev.outboxstock.relay.testing.OutboxInserts;
import dev.outboxstock.relay.testing.RelayedEvents;
import dev.outboxstock.relay.testing.WrittenRow;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RelayTestResource
class OutboxRelayTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @InjectLocalStack
    LocalStack stack;

    @BeforeEach
    void awaitStreaming() {
        InProcessRelay.awaitStreaming(DELIVERY_TIMEOUT);
    }

    @Test
    void relaysEveryOutboxRowToItsTopicKeyedByAggregateIdInCommitOrderWithItsHeaders() throws Exception {
        String productA = "relay-a-" + UUID.randomUUID();
        String productB = "relay-b-" + UUID.randomUUID();
        List<WrittenRow> rows = List.of(
                WrittenRow.stock(productA, "{\"step\": 1}").withTraceparent(TRACEPARENT),
                WrittenRow.stock(productB, "{\"step\": 2}"),
                WrittenRow.stock(productA, "{\"step\": 3}"));
        insert(rows.subList(0, 2));
        insert(rows.subList(2, 3));

        RelayedEvents relayed = RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, rows, DELIVERY_TIMEOUT);

        assertThat(relayed.records()).hasSize(rows.size());
        for (WrittenRow row : rows) {
            // The record is exactly what the event contract's routing rule says, which the producers' contract
            // tests rely on.
            RelayedRecord expected = OutboxRouting.route(row.toContract());
            ConsumerRecord<String, String> record = relayed.first(row).orElseThrow();
            assertThat(record.topic()).isEqualTo(expected.topic());
            assertThat(record.key()).isEqualTo(expected.key());
            assertThat(record.value()).isEqualTo(expected.value());
            Map<String, String> headers = new LinkedHashMap<>();
            record.headers().forEach(header -> headers.put(header.key(), new String(header.value(), UTF_8)));
            assertThat(headers).containsOnlyKeys(expected.headers().keySet());
            Map<String, String> expectedHeaders = new LinkedHashMap<>(expected.headers());
            // The trace goes on through the relay: its producer span, a child of the row's, is the record's context.
            Optional.ofNullable(expectedHeaders.remove(EventHeaders.TRACEPARENT))
                    .ifPresent(stored -> assertThat(headers.remove(EventHeaders.TRACEPARENT))
                            .startsWith(stored.substring(0, 36))
                            .endsWith("-01")
                            .isNotEqualTo(stored));
            assertThat(headers).isEqualTo(expectedHeaders);
        }
        assertThat(relayed.first(rows.get(1)).orElseThrow().headers().headers(EventHeaders.TRACEPARENT))
                .as("a null column gives no header")
                .isEmpty();
        relayed.assertFirstOccurrencesInCommitOrderPerKey(rows);
    }

    @Test
    void sendsRowsItCannotRouteToTheDeadLetterTopicWithTheReasonAndRelaysTheRest() throws Exception {
        String product = "dead-letter-" + UUID.randomUUID();
        String tooLarge = "{\"blob\": \"" + "x".repeat(1_100_000) + "\"}";
        Map<String, WrittenRow> unroutable = Map.of(
                "MISSING_KEY", WrittenRow.stock(null, "{}"),
                "MISSING_PAYLOAD", WrittenRow.stock(product, null),
                "MISSING_TOPIC", WrittenRow.stock(product, "{}").withAggregateType(null),
                "INVALID_TOPIC", WrittenRow.stock(product, "{}").withAggregateType("no such/topic"),
                "REJECTED_BY_KAFKA", WrittenRow.stock(product, tooLarge));
        WrittenRow good = WrittenRow.stock(product, "{\"ok\": true}");
        insert(List.copyOf(unroutable.values()));
        insert(List.of(good));

        RelayedEvents deadLetters =
                RelayedEvents.awaitAll(bootstrapServers(), DeadLetterTopic.NAME, unroutable.values(), DELIVERY_TIMEOUT);
        RelayedEvents relayed =
                RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, List.of(good), DELIVERY_TIMEOUT);

        unroutable.forEach((reason, row) -> {
            ConsumerRecord<String, String> deadLetter = deadLetters.first(row).orElseThrow();
            assertThat(RelayedEvents.header(deadLetter, DeadLetterTopic.REASON_HEADER))
                    .as("reason of %s", row)
                    .contains(reason);
            assertThat(RelayedEvents.header(deadLetter, DeadLetterTopic.DETAIL_HEADER))
                    .isPresent();
            assertThat(RelayedEvents.header(deadLetter, DeadLetterTopic.SOURCE_HEADER))
                    .contains("outbox-relay/public.outbox_event");
        });
        assertThat(deadLetters
                        .first(unroutable.get("MISSING_KEY"))
                        .orElseThrow()
                        .value())
                .as("the whole row, to repair and replay it")
                .contains(unroutable.get("MISSING_KEY").id().toString(), "\"aggregatetype\":\"stock\"");
        assertThat(deadLetters
                        .first(unroutable.get("REJECTED_BY_KAFKA"))
                        .orElseThrow()
                        .value())
                .isNull();
        assertThat(relayed.records()).hasSize(1);
        // The series exists from 0 (see reportsHealthAndMetrics): the count must have moved.
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(matchesPattern("(?s).*\nrelay_dead_letters_total\\{reason=\"MISSING_KEY\"} [1-9].*"));
    }

    @Test
    void heartbeatsAdvanceTheSlotWhileTheOutboxIsIdleAndOtherTablesAreBusy() throws Exception {
        await().atMost(DELIVERY_TIMEOUT).until(() -> confirmedFlushLsn().isPresent());
        long before;
        try (Connection connection = stack.postgres().orElseThrow().connect("orders");
                Statement statement = connection.createStatement()) {
            writeToOtherTable(statement);
            before = currentWalLsn(statement);
        }

        await().atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            try (Connection connection = stack.postgres().orElseThrow().connect("orders");
                    Statement statement = connection.createStatement()) {
                writeToOtherTable(statement);
            }
            assertThat(confirmedFlushLsn())
                    .hasValueSatisfying(lsn -> assertThat(lsn).isGreaterThanOrEqualTo(before));
        });
        // Heartbeat records are marked, never sent: sent, they would wait for a topic nobody created, and the
        // relay would report Kafka as a problem.
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void reportsHealthAndMetrics() {
        await().atMost(DELIVERY_TIMEOUT)
                .untilAsserted(() -> given().when()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks[0].data.role", equalTo("ACTIVE"))
                        .body("checks[0].data.engine", equalTo("STREAMING"))
                        .body("checks[0].data.slot", equalTo("USABLE"))
                        .body("checks[0].data.retainedWalBytes", greaterThanOrEqualTo(0)));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = metrics();
        assertThat(metrics)
                .contains(
                        "relay_records_relayed_total",
                        "relay_commit_to_ack_seconds_bucket",
                        "relay_slot_retained_wal_bytes",
                        "relay_slot_lost 0.0",
                        "relay_active 1.0",
                        // From 0 before the first: an alert's increase() sees the first one.
                        "relay_dead_letters_total{reason=\"INVALID_PAYLOAD\"}",
                        "relay_errors_total{where=\"kafka\"}",
                        "relay_errors_total{where=\"engine\"}",
                        "relay_debezium_queue_total_capacity",
                        "relay_debezium_connected 1.0")
                .containsPattern("relay_debezium_behind_source_milliseconds -?[0-9]")
                .containsPattern("relay_debezium_queue_remaining_capacity [0-9]");
    }

    @Test
    void reportsItsKafkaProducersMetrics() throws Exception {
        WrittenRow row = WrittenRow.stock("metered-" + UUID.randomUUID(), "{}");
        insert(List.of(row));
        RelayedEvents.awaitAll(bootstrapServers(), StockTopic.NAME, List.of(row), DELIVERY_TIMEOUT);

        String metrics = metrics();
        assertThat(metrics).containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"outbox-relay\"");
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private void insert(List<WrittenRow> rows) throws Exception {
        try (Connection connection = stack.postgres().orElseThrow().connect("orders")) {
            OutboxInserts.insertInOneTransaction(connection, rows);
        }
    }

    private String bootstrapServers() {
        return stack.kafka().orElseThrow().bootstrapServers();
    }

    private Optional<Long> confirmedFlushLsn() throws Exception {
        try (Connection connection = stack.postgres().orElseThrow().connect("orders");
                Statement statement = connection.createStatement();
                ResultSet slot = statement.executeQuery(
                        "SELECT confirmed_flush_lsn - '0/0'::pg_lsn FROM pg_replication_slots WHERE slot_name = 'outbox_slot'")) {
            return slot.next() ? Optional.of(slot.getBigDecimal(1).longValue()) : Optional.empty();
        }
    }

    private static long currentWalLsn(Statement statement) throws Exception {
        try (ResultSet lsn = statement.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
            lsn.next();
            return lsn.getBigDecimal(1).longValue();
        }
    }

    private static void writeToOtherTable(Statement statement) throws Exception {
        statement.executeUpdate("INSERT INTO order_audit (note) SELECT 'busy ' || n FROM generate_series(1, 100) n");
    }
}
