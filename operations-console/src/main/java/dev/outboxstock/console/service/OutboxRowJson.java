package dev.outboxstock.console.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.contract.OutboxRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The outbox row a relay's dead letter carries as its value (the row's columns as a JSON object, named as the
 * outbox table names them), and whether it can be routed now: the relay's own checks, before the shared rule
 * {@code OutboxRouting.route} makes a record of it.
 */
@ApplicationScoped
public class OutboxRowJson {

    public static final String ID = "id";
    public static final String AGGREGATE_TYPE = "aggregatetype";
    public static final String AGGREGATE_ID = "aggregateid";
    public static final String TYPE = "type";
    public static final String PAYLOAD = "payload";
    public static final String TRACEPARENT = "traceparent";

    /** Kafka's rule for topic names: {@code <aggregatetype>-events} must be one. */
    private static final Pattern LEGAL_TOPIC_PART = Pattern.compile("[a-zA-Z0-9._-]{1,240}");

    private final ObjectMapper objectMapper;

    public OutboxRowJson(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The columns, when the value is a JSON object. */
    public Optional<JsonNode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(objectMapper.readTree(value)).filter(JsonNode::isObject);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** A column's value as text; empty when absent or null. */
    public Optional<String> text(JsonNode columns, String column) {
        JsonNode value = columns.get(column);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isValueNode() ? value.asText() : value.toString());
    }

    /** The row, or why it cannot be routed. */
    public OutboxRow routableRow(Optional<String> value) throws UnroutableDeadLetterException {
        JsonNode columns = parse(value.orElseThrow(() -> new UnroutableDeadLetterException(
                        "the dead letter carries no row (Kafka refused its value): publish the row again from its"
                                + " outbox table with outbox_republish")))
                .orElseThrow(() -> new UnroutableDeadLetterException("the dead letter's value is no outbox row"));
        UUID id = text(columns, ID)
                .flatMap(OutboxRowJson::uuid)
                .orElseThrow(() -> new UnroutableDeadLetterException("column " + ID + " holds no UUID"));
        String aggregateType = text(columns, AGGREGATE_TYPE)
                .filter(type -> LEGAL_TOPIC_PART.matcher(type).matches())
                .orElseThrow(
                        () -> new UnroutableDeadLetterException("column " + AGGREGATE_TYPE + " names no legal topic"));
        String aggregateId = text(columns, AGGREGATE_ID)
                .filter(key -> !key.isBlank())
                .orElseThrow(() -> new UnroutableDeadLetterException("column " + AGGREGATE_ID + " is empty"));
        String type = text(columns, TYPE)
                .filter(eventType -> !eventType.isBlank())
                .orElseThrow(() -> new UnroutableDeadLetterException("column " + TYPE + " is empty"));
        String payload = text(columns, PAYLOAD)
                .filter(this::isOneJsonDocument)
                .orElseThrow(
                        () -> new UnroutableDeadLetterException("column " + PAYLOAD + " is not one JSON document"));
        return new OutboxRow(id, aggregateType, aggregateId, type, payload, text(columns, TRACEPARENT));
    }

    private boolean isOneJsonDocument(String text) {
        try {
            JsonNode document = objectMapper.readTree(text);
            return document != null && !document.isMissingNode();
        } catch (JsonProcessingException notOneDocument) {
            return false;
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
