package dev.outboxstock.contract.testing;

import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockTopic;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One event type of the contract: its {@code eventType}, its payload record, the topic it travels on and the field that is its key. */
record EventOnTopic(String type, Class<?> payload, String topic, String keyField) {

    static List<EventOnTopic> all() {
        return Stream.of(
                        on(StockTopic.EVENTS, StockTopic.NAME, StockTopic.KEY_FIELD),
                        on(StockOutcomeTopic.EVENTS, StockOutcomeTopic.NAME, StockOutcomeTopic.KEY_FIELD),
                        on(StockLevelTopic.EVENTS, StockLevelTopic.NAME, StockLevelTopic.KEY_FIELD))
                .flatMap(events -> events)
                .sorted(Comparator.comparing(EventOnTopic::toString))
                .toList();
    }

    private static Stream<EventOnTopic> on(Map<String, ? extends Class<?>> events, String topic, String keyField) {
        return events.entrySet().stream()
                .map(event -> new EventOnTopic(event.getKey(), event.getValue(), topic, keyField));
    }

    @Override
    public String toString() {
        return topic + "/" + type;
    }
}
