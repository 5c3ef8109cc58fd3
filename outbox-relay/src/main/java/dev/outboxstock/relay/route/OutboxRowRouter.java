package dev.outboxstock.relay.route;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.relay.config.RelayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Decides where an outbox row goes: topic (fixed, or from a column), key and event id from their columns, the
 * payload as value, configured columns as headers, the commit time as timestamp. A row that cannot be routed so
 * goes to the dead-letter topic, whole, with the reason in headers: never dropped, never stopping the others.
 */
@ApplicationScoped
public class OutboxRowRouter {

    /** Kafka's rule for topic names. */
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private static final JsonFactory JSON = new JsonFactory();

    private final RelayConfig.Routing routing;
    private final String source;

    public OutboxRowRouter(RelayConfig config) {
        this.routing = config.routing();
        this.source = config.name() + "/" + config.source().table();
    }

    public Delivery route(CapturedRow row) {
        Optional<String> id = row.text(routing.idColumn());
        if (id.isEmpty()) {
            return deadLetter(row, DeadLetterReason.MISSING_ID, "column " + routing.idColumn() + " is null");
        }
        Optional<String> topic = routing.topic()
                .or(() -> row.text(routing.topicColumn())
                        .filter(value -> !value.isBlank())
                        .map(value -> value + routing.topicSuffix()));
        if (topic.isEmpty()) {
            return deadLetter(row, DeadLetterReason.MISSING_TOPIC, "column " + routing.topicColumn() + " is empty");
        }
        if (!LEGAL_TOPIC.matcher(topic.get()).matches()) {
            return deadLetter(row, DeadLetterReason.INVALID_TOPIC, "'" + topic.get() + "' is no legal topic name");
        }
        Optional<String> key = row.text(routing.keyColumn()).filter(value -> !value.isBlank());
        if (key.isEmpty()) {
            return deadLetter(row, DeadLetterReason.MISSING_KEY, "column " + routing.keyColumn() + " is empty");
        }
        Optional<String> payload = row.text(routing.payloadColumn());
        if (payload.isEmpty()) {
            return deadLetter(row, DeadLetterReason.MISSING_PAYLOAD, "column " + routing.payloadColumn() + " is null");
        }
        if (!row.isJsonColumn(routing.payloadColumn()) && !isOneJsonDocument(payload.get())) {
            return deadLetter(row, DeadLetterReason.INVALID_PAYLOAD, "the payload is not one JSON document");
        }
        return Delivery.routed(
                row,
                new ProducerRecord<>(
                        topic.get(), null, row.committedAtMillis(), key.get(), payload.get(), eventHeaders(row)));
    }

    /**
     * The dead letter for a row Kafka refused: without its value, which is what Kafka refused. The row stays in
     * the outbox table; the event id header finds it.
     */
    public Delivery rejected(CapturedRow row, String detail) {
        return Delivery.deadLetter(
                row,
                deadLetterRecord(row, DeadLetterReason.REJECTED_BY_KAFKA, detail, null),
                DeadLetterReason.REJECTED_BY_KAFKA);
    }

    private Delivery deadLetter(CapturedRow row, DeadLetterReason reason, String detail) {
        return Delivery.deadLetter(row, deadLetterRecord(row, reason, detail, row.toJson()), reason);
    }

    private ProducerRecord<String, String> deadLetterRecord(
            CapturedRow row, DeadLetterReason reason, String detail, String value) {
        RecordHeaders headers = eventHeaders(row);
        add(headers, DeadLetterTopic.REASON_HEADER, reason.name());
        add(headers, DeadLetterTopic.DETAIL_HEADER, detail);
        add(headers, DeadLetterTopic.SOURCE_HEADER, source);
        String key = row.text(routing.keyColumn()).orElse(null);
        return new ProducerRecord<>(routing.deadLetterTopic(), null, row.committedAtMillis(), key, value, headers);
    }

    private RecordHeaders eventHeaders(CapturedRow row) {
        RecordHeaders headers = new RecordHeaders();
        row.text(routing.idColumn()).ifPresent(id -> add(headers, EventHeaders.EVENT_ID, id));
        routing.headers().forEach((column, header) -> row.text(column).ifPresent(value -> add(headers, header, value)));
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isOneJsonDocument(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }
}
