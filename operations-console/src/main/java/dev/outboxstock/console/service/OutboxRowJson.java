package dev.outboxstock.console.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.contract.OutboxColumns;
import dev.outboxstock.contract.OutboxRouting;
import dev.outboxstock.contract.RelayedRecord;
import dev.outboxstock.contract.RoutingDecision;
import dev.outboxstock.contract.RoutingRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The outbox row a relay's dead letter carries as its value (the row's columns as a JSON object, named as the
 * outbox table names them), and the record the event contract's rule ({@link OutboxRouting}) makes of it now.
 */
@ApplicationScoped
public class OutboxRowJson {

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
        return new JsonColumns(columns).text(column);
    }

    /** The record the relay would publish for the row now, or why it cannot. */
    public RelayedRecord routed(Optional<String> value) throws UnroutableDeadLetterException {
        JsonNode columns = parse(value.orElseThrow(() -> new UnroutableDeadLetterException(
                        "the dead letter carries no row (Kafka refused its value): publish the row again from its"
                                + " outbox table with outbox_republish")))
                .orElseThrow(() -> new UnroutableDeadLetterException("the dead letter's value is no outbox row"));
        RoutingDecision decision = OutboxRouting.route(new JsonColumns(columns), RoutingRules.OUTBOX);
        if (decision instanceof RoutingDecision.Unroutable unroutable) {
            throw new UnroutableDeadLetterException(unroutable.detail());
        }
        return ((RoutingDecision.Routed) decision).record();
    }

    /**
     * The columns as the relay wrote them: every value as JSON text or a JSON scalar (a {@code jsonb} payload is
     * text here, so the rule checks it is one JSON document).
     */
    private record JsonColumns(JsonNode columns) implements OutboxColumns {

        @Override
        public Optional<String> text(String column) {
            JsonNode value = columns.get(column);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            return Optional.of(value.isValueNode() ? value.asText() : value.toString());
        }

        @Override
        public boolean isJson(String column) {
            return false;
        }
    }
}
