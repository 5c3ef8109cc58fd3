package dev.outboxstock.inventory.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.outboxstock.contract.ProductIdFormat;
import dev.outboxstock.inbox.EventEnvelope;
import dev.outboxstock.inbox.InvalidEventException;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a record of the stock topic into a {@link DecodedStockEvent}, or says precisely why it cannot: headers,
 * JSON, fields, and that the key is the product id (or the record may have broken the per-product order).
 */
@ApplicationScoped
public class StockEventDecoder {

    private static final Pattern PRODUCT_ID = Pattern.compile(ProductIdFormat.PATTERN);

    private final ObjectMapper objectMapper;
    /** One reader per event type, built once: tolerant, so fields a newer producer adds do not break this consumer. */
    private final Map<StockEventType, ObjectReader> readers = new EnumMap<>(StockEventType.class);

    public StockEventDecoder(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        for (StockEventType type : StockEventType.values()) {
            readers.put(
                    type,
                    objectMapper
                            .readerFor(type.payloadType())
                            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        }
    }

    DecodedStockEvent decode(IncomingKafkaRecord<String, String> record) throws InvalidEventException {
        EventEnvelope envelope = EventEnvelope.of(record.getHeaders(), record.getPartition(), record.getOffset());
        StockEventType type = StockEventType.of(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
        JsonNode payload = parse(record.getPayload());
        validate(payload, type, record.getKey());
        try {
            return new DecodedStockEvent(envelope.source(), readers.get(type).readValue(payload));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEventException("payload does not fit " + envelope.type() + ": " + e.getMessage(), e);
        }
    }

    private JsonNode parse(String value) throws InvalidEventException {
        if (value == null) {
            throw new InvalidEventException("no payload");
        }
        try {
            JsonNode payload = objectMapper.readTree(value);
            if (payload == null || !payload.isObject()) {
                throw new InvalidEventException("payload is not a JSON object");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void validate(JsonNode payload, StockEventType type, String key) throws InvalidEventException {
        JsonNode productId = payload.path("productId");
        if (!productId.isTextual() || !PRODUCT_ID.matcher(productId.asText()).matches()) {
            throw new InvalidEventException("productId: " + ProductIdFormat.MESSAGE);
        }
        if (!productId.asText().equals(key)) {
            throw new InvalidEventException("record key " + key + " is not the product id " + productId.asText());
        }
        JsonNode quantity = payload.path("quantity");
        if (!quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.asInt() < 1) {
            throw new InvalidEventException("quantity must be a whole number of at least 1");
        }
        if (type.forAnOrder() && !isUuid(payload.path("orderId"))) {
            throw new InvalidEventException("orderId must be a UUID");
        }
    }

    private static boolean isUuid(JsonNode node) {
        try {
            UUID.fromString(node.asText());
            return node.isTextual();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
