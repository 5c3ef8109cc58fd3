package dev.outboxstock.relay.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.contract.DeadLetterReason;
import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.RoutingRules;
import dev.outboxstock.contract.StockLevel;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.localstack.testing.HeaderText;
import dev.outboxstock.relay.config.RelayConfig;
import io.debezium.data.Envelope;
import io.debezium.data.Json;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The routing rules, configured as an operator would, on change events shaped as Debezium emits them. */
class OutboxRowRouterTest {

    private static final long COMMITTED_AT = 1_700_000_000_123L;

    private static final Schema JSON_TEXT = Json.builder().optional().build();
    private static final Schema ROW = SchemaBuilder.struct()
            .name("relay.public.outbox_event.Value")
            .field("id", Schema.STRING_SCHEMA)
            .field("aggregatetype", Schema.OPTIONAL_STRING_SCHEMA)
            .field("aggregateid", Schema.OPTIONAL_STRING_SCHEMA)
            .field("tenant", Schema.OPTIONAL_STRING_SCHEMA)
            .field("type", Schema.OPTIONAL_STRING_SCHEMA)
            .field("traceparent", Schema.OPTIONAL_STRING_SCHEMA)
            .field("payload", JSON_TEXT)
            .field("text_payload", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema SOURCE =
            SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
    private static final Envelope ENVELOPE = Envelope.defineSchema()
            .withName("relay.public.outbox_event.Envelope")
            .withRecord(ROW)
            .withSource(SOURCE)
            .build();

    /** The columns of a row each test starts from, and changes where it says. */
    private static final Map<String, String> A_STOCK_REQUEST = Map.of(
            "id", "event-1",
            "aggregatetype", "stock",
            "aggregateid", "apple",
            "type", "StockDecreaseRequested",
            "payload", "{\"quantity\": 2}");

    /** The settings the relay cannot start without; each test adds its own. */
    private static final Map<String, String> REQUIRED_SETTINGS = Map.of(
            "relay.source.host", "localhost",
            "relay.source.database", "orders",
            "relay.source.user", "relay",
            "relay.source.password", "secret",
            "relay.kafka.bootstrap-servers", "localhost:9092");

    @Test
    void routesByTheTopicColumnWithKeyPayloadHeadersAndCommitTime() {
        Delivery delivery = router(Map.of()).route(row(Map.of("traceparent", "00-trace-01")));

        ProducerRecord<String, String> record = delivery.record();
        assertThat(delivery.isDeadLetter()).isFalse();
        assertThat(record.topic()).isEqualTo("stock-events");
        assertThat(record.key()).isEqualTo("apple");
        assertThat(record.value()).isEqualTo("{\"quantity\": 2}");
        assertThat(record.timestamp()).isEqualTo(COMMITTED_AT);
        assertThat(header(record, EventHeaders.EVENT_ID)).contains("event-1");
        assertThat(header(record, EventHeaders.EVENT_TYPE)).contains("StockDecreaseRequested");
        assertThat(header(record, EventHeaders.TRACEPARENT)).contains("00-trace-01");
    }

    /** Inventory's relay routes its level rows as the contract names them: to the compacted topic, by product. */
    @Test
    void routesAStockLevelRowToTheCompactedTopicKeyedByProductId() {
        Delivery delivery = router(Map.of())
                .route(row(Map.of(
                        "aggregatetype",
                        StockLevelTopic.AGGREGATE_TYPE,
                        "type",
                        StockLevel.TYPE,
                        "payload",
                        "{\"productId\": \"apple\", \"available\": 0}")));

        ProducerRecord<String, String> record = delivery.record();
        assertThat(delivery.isDeadLetter()).isFalse();
        assertThat(record.topic()).isEqualTo("stock-levels");
        assertThat(record.key()).isEqualTo("apple");
        assertThat(header(record, EventHeaders.EVENT_TYPE)).contains(StockLevel.TYPE);
    }

    @Test
    void unconfiguredItRoutesByTheEventContractsRule() {
        assertThat(ConfiguredRules.of(config(Map.of()).routing())).isEqualTo(RoutingRules.OUTBOX);
    }

    @Test
    void configuredHeaderColumnsComeBesideTheContractsHeaders() {
        ProducerRecord<String, String> record = router(Map.of("relay.routing.headers.tenant", "tenant"))
                .route(row(Map.of("tenant", "acme")))
                .record();

        assertThat(header(record, "tenant")).contains("acme");
        assertThat(header(record, EventHeaders.EVENT_TYPE)).contains("StockDecreaseRequested");
    }

    @Test
    void sendsNoHeaderForANullColumn() {
        ProducerRecord<String, String> record =
                router(Map.of()).route(row(Map.of())).record();

        assertThat(record.headers().headers(EventHeaders.TRACEPARENT)).isEmpty();
    }

    @Test
    void routesEveryRowToOneFixedTopicWithAConfiguredKeyColumn() {
        OutboxRowRouter router =
                router(Map.of("relay.routing.topic", "all-events", "relay.routing.key-column", "tenant"));

        ProducerRecord<String, String> record =
                router.route(row(Map.of("tenant", "acme", "aggregatetype", ""))).record();

        assertThat(record.topic()).isEqualTo("all-events");
        assertThat(record.key()).isEqualTo("acme");
    }

    @Test
    void deadLettersATextPayloadThatIsNotOneJsonDocumentAndRoutesOneThatIs() {
        OutboxRowRouter router = router(Map.of("relay.routing.payload-column", "text_payload"));

        Delivery invalid = router.route(row(Map.of("text_payload", "{\"a\": 1} trailing")));
        Delivery valid = router.route(row(Map.of("text_payload", "[1, 2]")));

        assertThat(invalid.deadLetter()).contains(DeadLetterReason.INVALID_PAYLOAD);
        assertThat(invalid.record().topic()).isEqualTo(DeadLetterTopic.NAME);
        assertThat(header(invalid.record(), DeadLetterTopic.REASON_HEADER)).contains("INVALID_PAYLOAD");
        assertThat(valid.isDeadLetter()).isFalse();
        assertThat(valid.record().value()).isEqualTo("[1, 2]");
    }

    @Test
    void deadLettersABlankKeyWithTheWholeRow() {
        Delivery delivery = router(Map.of()).route(row(Map.of("aggregateid", " ")));

        assertThat(delivery.deadLetter()).contains(DeadLetterReason.MISSING_KEY);
        assertThat(delivery.record().value()).contains("\"id\":\"event-1\"", "\"aggregatetype\":\"stock\"");
        assertThat(header(delivery.record(), DeadLetterTopic.SOURCE_HEADER))
                .contains("outbox-relay/public.outbox_event");
    }

    @Test
    void findsNoRowInRecordsThatOnlyCarryAPosition() {
        SourceRecord heartbeat = new SourceRecord(
                Map.of(), Map.of("lsn", 1L), "__debezium-heartbeat.relay", Schema.STRING_SCHEMA, "beat");
        SourceRecord delete = new SourceRecord(
                Map.of(),
                Map.of(),
                "relay.public.outbox_event",
                ENVELOPE.schema(),
                ENVELOPE.delete(columns(Map.of()), source(), Instant.now()));

        assertThat(CapturedRow.of(heartbeat)).isEmpty();
        assertThat(CapturedRow.of(delete)).isEmpty();
    }

    private static CapturedRow row(Map<String, String> overrides) {
        SourceRecord record = new SourceRecord(
                Map.of(),
                Map.of(),
                "relay.public.outbox_event",
                ENVELOPE.schema(),
                ENVELOPE.create(columns(overrides), source(), Instant.now()));
        return CapturedRow.of(record).orElseThrow();
    }

    private static Struct columns(Map<String, String> overrides) {
        Struct columns = new Struct(ROW);
        overridden(A_STOCK_REQUEST, overrides).forEach(columns::put);
        return columns;
    }

    private static Struct source() {
        return new Struct(SOURCE).put("ts_ms", COMMITTED_AT);
    }

    private static OutboxRowRouter router(Map<String, String> settings) {
        return new OutboxRowRouter(config(settings));
    }

    private static RelayConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withMapping(RelayConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValues(overridden(REQUIRED_SETTINGS, settings))
                .build()
                .getConfigMapping(RelayConfig.class);
    }

    private static Map<String, String> overridden(Map<String, String> defaults, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(defaults);
        merged.putAll(overrides);
        return merged;
    }

    private static Optional<String> header(ProducerRecord<String, String> record, String name) {
        return HeaderText.of(record.headers(), name);
    }
}
