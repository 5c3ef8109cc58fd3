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
}
