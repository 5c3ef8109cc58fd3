package dev.outboxstock.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Kafka record that carries one outbox row: what a consumer of the topic receives. */
public record RelayedRecord(String topic, String key, String value, Map<String, String> headers) {

    /** The headers keep their order: the relay sends them in it. */
    public RelayedRecord {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
