package dev.outboxstock.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How an outbox row becomes a Kafka record: the one rule the relay routes by and the producers' contract tests and
 * the console's replay hold to. By {@link RoutingRules#OUTBOX}: topic {@code <aggregatetype>-events} (or the one the
 * rules name for the aggregate type, such as {@link StockLevelTopic#NAME}), key
 * {@code aggregateid}, value {@code payload}, and the headers in {@link EventHeaders}. A row that cannot be routed
 * so gets the reason instead of a record, never a record on a wrong topic or without a key.
 */
public final class OutboxRouting {

    public static final String TOPIC_SUFFIX = "-events";

    /** A consumer's dead-letter topic is its source topic's name with this suffix. */
    public static final String DEAD_LETTER_SUFFIX = "-dead-letter";

    /** Kafka's rule for topic names. */
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private static final JsonFactory JSON = new JsonFactory();

    private OutboxRouting() {}

    public static String topicFor(String aggregateType) {
        return aggregateType + TOPIC_SUFFIX;
    }

    /** The record the relay publishes for one of this system's rows; a row it could not route is a bug here. */
    public static RelayedRecord route(OutboxRow row) {
        RoutingDecision decision = route(row, RoutingRules.OUTBOX);
        if (decision instanceof RoutingDecision.Unroutable unroutable) {
            throw new IllegalArgumentException("Outbox row " + row.id() + " cannot be routed: " + unroutable.detail());
        }
        return ((RoutingDecision.Routed) decision).record();
    }

    public static RoutingDecision route(OutboxColumns row, RoutingRules rules) {
        if (row.text(rules.idColumn()).isEmpty()) {
            return unroutable(DeadLetterReason.MISSING_ID, "column " + rules.idColumn() + " is null");
        }
        Optional<String> topic = rules.topic()
                .or(() -> row.text(rules.topicColumn())
                        .filter(value -> !value.isBlank())
                        .map(value -> rules.namedTopics().getOrDefault(value, value + rules.topicSuffix())));
        if (topic.isEmpty()) {
            return unroutable(DeadLetterReason.MISSING_TOPIC, "column " + rules.topicColumn() + " is empty");
        }
        if (!LEGAL_TOPIC.matcher(topic.get()).matches()) {
            return unroutable(DeadLetterReason.INVALID_TOPIC, "'" + topic.get() + "' is no legal topic name");
        }
        Optional<String> key = row.text(rules.keyColumn()).filter(value -> !value.isBlank());
        if (key.isEmpty()) {
            return unroutable(DeadLetterReason.MISSING_KEY, "column " + rules.keyColumn() + " is empty");
        }
        Optional<String> payload = row.text(rules.payloadColumn());
        if (payload.isEmpty()) {
            return unroutable(DeadLetterReason.MISSING_PAYLOAD, "column " + rules.payloadColumn() + " is null");
        }
        if (!row.isJson(rules.payloadColumn()) && !isOneJsonDocument(payload.get())) {
            return unroutable(DeadLetterReason.INVALID_PAYLOAD, "the payload is not one JSON document");
        }
        return new RoutingDecision.Routed(
                new RelayedRecord(topic.get(), key.get(), payload.get(), headers(row, rules)));
    }

    /**
     * The headers of the row's record, in a fixed order: the event id, then the header columns the row has. A dead
     * letter carries them too, so that the row can be found and replayed.
     */
    public static Map<String, String> headers(OutboxColumns row, RoutingRules rules) {
        Map<String, String> headers = new LinkedHashMap<>();
        row.text(rules.idColumn()).ifPresent(id -> headers.put(EventHeaders.EVENT_ID, id));
        rules.headers().forEach((column, header) -> row.text(column).ifPresent(value -> headers.put(header, value)));
        return headers;
    }

    private static RoutingDecision unroutable(DeadLetterReason reason, String detail) {
        return new RoutingDecision.Unroutable(reason, detail);
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
