package dev.outboxstock.contract.testing;

import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockTopic;
import java.util.List;
import java.util.stream.Stream;

/** One event type of the contract: its payload record, the topic it travels on and the field that is its key. */
record EventOnTopic(Class<? extends Record> payload, String topic, String keyField) {

    static List<EventOnTopic> all() {
        return Stream.concat(
                        StockTopic.PAYLOADS.stream()
                                .map(payload -> new EventOnTopic(payload, StockTopic.NAME, StockTopic.KEY_FIELD)),
                        StockOutcomeTopic.PAYLOADS.stream()
                                .map(payload ->
                                        new EventOnTopic(payload, StockOutcomeTopic.NAME, StockOutcomeTopic.KEY_FIELD)))
                .toList();
    }

    /** The {@code eventType} header's value: the record's {@code TYPE} constant. */
    String type() {
        try {
            return (String) payload.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(payload + " has no public TYPE constant", e);
        }
    }

    @Override
    public String toString() {
        return topic + "/" + type();
    }
}
