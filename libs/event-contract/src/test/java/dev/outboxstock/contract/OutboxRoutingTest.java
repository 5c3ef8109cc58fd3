package dev.outboxstock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxRoutingTest {

    private static final UUID EVENT_ID = UUID.fromString("0b7e3c1a-5f2d-4e8b-9a6c-1d2e3f4a5b6c");
    private static final String PAYLOAD = "{\"quantity\": 2, \"productId\": \"apple\"}";

    @Test
    void aRowBecomesARecordOnItsAggregatesTopicKeyedByTheAggregateIdWithTheEventIdAndType() {
        RelayedRecord record = OutboxRouting.route(new OutboxRow(
                EVENT_ID, StockTopic.AGGREGATE_TYPE, "apple", StockReplenished.TYPE, PAYLOAD, Optional.empty()));

        assertThat(record)
                .isEqualTo(new RelayedRecord(
                        StockTopic.NAME,
                        "apple",
                        PAYLOAD,
                        Map.of(
                                EventHeaders.EVENT_ID,
                                EVENT_ID.toString(),
                                EventHeaders.EVENT_TYPE,
                                StockReplenished.TYPE)));
    }

    @Test
    void aStockLevelRowGoesToTheCompactedTopicTheRulesNameKeyedByProductId() {
        String level = "{\"productId\": \"apple\", \"available\": 0}";

        RelayedRecord record = OutboxRouting.route(new OutboxRow(
                EVENT_ID, StockLevelTopic.AGGREGATE_TYPE, "apple", StockLevel.TYPE, level, Optional.empty()));

        assertThat(record.topic()).isEqualTo(StockLevelTopic.NAME).isEqualTo("stock-levels");
        assertThat(record.key()).isEqualTo("apple");
        assertThat(Topics.COMPACTED).contains(record.topic());
    }

    @Test
    void aTraceContextTravelsAsAHeader() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        RelayedRecord record = OutboxRouting.route(new OutboxRow(
                EVENT_ID,
                StockTopic.AGGREGATE_TYPE,
                "apple",
                StockReplenished.TYPE,
                PAYLOAD,
                Optional.of(traceparent)));

        assertThat(record.headers()).containsEntry(EventHeaders.TRACEPARENT, traceparent);
    }

    @Test
    void aRowWithoutAKeyIsUnroutableAndSaysWhy() {
        RoutingDecision decision = OutboxRouting.route(
                new OutboxRow(
                        EVENT_ID, StockTopic.AGGREGATE_TYPE, " ", StockReplenished.TYPE, PAYLOAD, Optional.empty()),
                RoutingRules.OUTBOX);

        assertThat(decision)
                .isEqualTo(new RoutingDecision.Unroutable(DeadLetterReason.MISSING_KEY, "column aggregateid is empty"));
    }

    @Test
    void aTextPayloadMustBeOneJsonDocumentWhereTheDatabaseDidNotCheckIt() {
        TextColumns row = new TextColumns(Map.of(
                OutboxRow.ID_COLUMN,
                EVENT_ID.toString(),
                OutboxRow.AGGREGATE_TYPE_COLUMN,
                StockTopic.AGGREGATE_TYPE,
                OutboxRow.AGGREGATE_ID_COLUMN,
                "apple",
                OutboxRow.PAYLOAD_COLUMN,
                "{\"a\": 1} trailing"));

        assertThat(OutboxRouting.route(row, RoutingRules.OUTBOX))
                .isEqualTo(new RoutingDecision.Unroutable(
                        DeadLetterReason.INVALID_PAYLOAD, "the payload is not one JSON document"));
    }

    @Test
    void aTopicKafkaWouldRefuseIsUnroutable() {
        RoutingDecision decision = OutboxRouting.route(
                new OutboxRow(EVENT_ID, "stock events", "apple", StockReplenished.TYPE, PAYLOAD, Optional.empty()),
                RoutingRules.OUTBOX);

        assertThat(decision)
                .isInstanceOfSatisfying(
                        RoutingDecision.Unroutable.class,
                        unroutable -> assertThat(unroutable.reason()).isEqualTo(DeadLetterReason.INVALID_TOPIC));
    }

    /** A row read from a table whose columns are all text: the database checked none of them. */
    private record TextColumns(Map<String, String> columns) implements OutboxColumns {

        @Override
        public Optional<String> text(String column) {
            return Optional.ofNullable(columns.get(column));
        }

        @Override
        public boolean isJson(String column) {
            return false;
        }
    }
}
