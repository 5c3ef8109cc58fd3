package dev.outboxstock.contract;

import java.util.Map;

/** The Kafka record that carries one outbox row: what a consumer of the topic receives. */
public record RelayedRecord(String topic, String key, String value, Map<String, String> headers) {

    public RelayedRecord {
        headers = Map.copyOf(headers);
    }
}
