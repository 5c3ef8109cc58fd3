package dev.outboxstock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A topic's events are found by their {@code eventType} header: each must be listed under its own TYPE. */
class TopicEventsTest {

    @Test
    void everyEventIsListedUnderItsOwnType() throws ReflectiveOperationException {
        for (Map<String, ? extends Class<?>> events :
                new Map[] {StockTopic.EVENTS, StockOutcomeTopic.EVENTS, StockLevelTopic.EVENTS}) {
            for (Map.Entry<String, ? extends Class<?>> event : events.entrySet()) {
                assertThat(event.getValue().getField("TYPE").get(null))
                        .as("the TYPE of %s", event.getValue().getSimpleName())
                        .isEqualTo(event.getKey());
            }
        }
    }
}
