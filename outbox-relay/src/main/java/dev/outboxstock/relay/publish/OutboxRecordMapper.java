package dev.outboxstock.relay.publish;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

/**
 * Turns a record that Debezium's outbox event router produced into the Kafka record the relay sends: same topic,
 * key (the aggregate id) and value (the payload JSON), the row's commit time as timestamp, and its headers
 * (event id, event type) without Debezium's internal ones.
 */
@ApplicationScoped
public class OutboxRecordMapper {

    private static final String INTERNAL_HEADER_PREFIX = "__debezium";

    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();

    public OutboxRecordMapper() {
        headerConverter.configure(Map.of());
    }

    public ProducerRecord<String, String> toProducerRecord(SourceRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(INTERNAL_HEADER_PREFIX)) {
                headers.add(
                        header.key(),
                        headerConverter.fromConnectHeader(
                                record.topic(), header.key(), header.schema(), header.value()));
            }
        }
        return new ProducerRecord<>(
                record.topic(), null, record.timestamp(), asText(record.key()), asText(record.value()), headers);
    }

    private static String asText(Object value) {
        return value == null ? null : value.toString();
    }
}
