package dev.outboxstock.contract.testing;

import au.com.dius.pact.consumer.dsl.Matchers;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.provider.MessageAndMetadata;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.RelayedRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How a Kafka record of the event topics appears in a Pact message: the record value is the message contents; the
 * topic, the key and each header are metadata entries. Providers turn the record they publish into a message with
 * {@link #of(RelayedRecord)}; consumers turn a pact's message back into the record their code consumes with
 * {@link #toIncomingRecord}. Both sides use this one mapping, so a pact pins the key and headers, not only the value.
 */
public final class KafkaPactMessages {

    public static final String TOPIC = "kafka_topic";
    public static final String KEY = "kafka_key";
    /** Pact's own entry, set from the message contents; not a record header. */
    public static final String CONTENT_TYPE = "contentType";

    private static final String JSON = "application/json";
    private static final Set<String> NOT_HEADERS = Set.of(TOPIC, KEY, CONTENT_TYPE);

    private KafkaPactMessages() {}

    /**
     * What a consumer expects besides the value: the topic, key and event type exactly, and an event
     * id that is a UUID.
     */
    public static Map<String, Object> expectedMetadata(String topic, String key, String eventType) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(TOPIC, topic);
        metadata.put(KEY, key);
        metadata.put(EventHeaders.EVENT_ID, Matchers.uuid("3f2c6d1e-8a4b-4c5d-9e6f-7a8b9c0d1e2f"));
        metadata.put(EventHeaders.EVENT_TYPE, eventType);
        return metadata;
    }

    /** The message a provider publishes, for Pact to compare with what consumers expect. */
    public static MessageAndMetadata of(RelayedRecord record) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        record.headers().forEach((name, value) -> {
            if (NOT_HEADERS.contains(name)) {
                throw new IllegalArgumentException("Header " + name + " clashes with a metadata entry of this mapping");
            }
            metadata.put(name, value);
        });
        metadata.put(TOPIC, record.topic());
        metadata.put(KEY, record.key());
        metadata.put(CONTENT_TYPE, JSON);
        return new MessageAndMetadata(record.value().getBytes(StandardCharsets.UTF_8), metadata);
    }

    /** The record a consumer receives for a pact's message, as its channel would hand it over. */
    public static IncomingKafkaRecord<String, String> toIncomingRecord(V4Interaction.AsynchronousMessage message) {
        MessageContents contents = message.getContents();
        Map<String, Object> metadata = contents.getMetadata();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                text(metadata.get(TOPIC)),
                0,
                0L,
                text(metadata.get(KEY)),
                contents.getContents().valueAsString());
        metadata.forEach((name, value) -> {
            if (!NOT_HEADERS.contains(name)) {
                record.headers().add(name, text(value).getBytes(StandardCharsets.UTF_8));
            }
        });
        return new IncomingKafkaRecord<>(record, record.topic(), -1, null, null, false, false);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
