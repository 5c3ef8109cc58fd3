package dev.outboxstock.inventory.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.contract.ProductIdFormat;
import dev.outboxstock.inventory.service.EventSource;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;

/**
 * Turns a record of the stock topic into a {@link DecodedStockEvent}, or says precisely why it cannot: headers,
 * JSON, fields, and that the key is the product id (or the record may have broken the per-product order).
 */
@ApplicationScoped
public class StockEventDecoder {

    private static final Pattern PRODUCT_ID = Pattern.compile(ProductIdFormat.PATTERN);

    private final ObjectMapper objectMapper;

    public StockEventDecoder(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    DecodedStockEvent decode(IncomingKafkaRecord<String, String> record) throws InvalidStockEventException {
        UUID eventId = eventId(record);
        String typeName = header(record, EventHeaders.EVENT_TYPE);
        StockEventType type = StockEventType.of(typeName)
                .orElseThrow(() -> new InvalidStockEventException("unknown event type " + typeName));
        JsonNode payload = parse(record.getPayload());
        validate(payload, type, record.getKey());
        try {
            return new DecodedStockEvent(
                    new EventSource(eventId, record.getPartition(), record.getOffset()),
                    objectMapper.treeToValue(payload, type.payloadType()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidStockEventException("payload does not fit " + typeName + ": " + e.getMessage(), e);
        }
    }

    private static UUID eventId(IncomingKafkaRecord<String, String> record) throws InvalidStockEventException {
        String value = header(record, EventHeaders.EVENT_ID);
        if (value == null) {
            throw new InvalidStockEventException("missing header " + EventHeaders.EVENT_ID);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidStockEventException("header " + EventHeaders.EVENT_ID + " is not a UUID: " + value);
        }
    }

    private JsonNode parse(String value) throws InvalidStockEventException {
        if (value == null) {
            throw new InvalidStockEventException("no payload");
        }
        try {
            JsonNode payload = objectMapper.readTree(value);
            if (payload == null || !payload.isObject()) {
                throw new InvalidStockEventException("payload is not a JSON object");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new InvalidStockEventException("payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void validate(JsonNode payload, StockEventType type, String key) throws InvalidStockEventException {
        JsonNode productId = payload.path("productId");
        if (!productId.isTextual() || !PRODUCT_ID.matcher(productId.asText()).matches()) {
            throw new InvalidStockEventException("productId: " + ProductIdFormat.MESSAGE);
        }
        if (!productId.asText().equals(key)) {
            throw new InvalidStockEventException("record key " + key + " is not the product id " + productId.asText());
        }
        JsonNode quantity = payload.path("quantity");
        if (!quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.asInt() < 1) {
            throw new InvalidStockEventException("quantity must be a whole number of at least 1");
        }
        if (type.forAnOrder() && !isUuid(payload.path("orderId"))) {
            throw new InvalidStockEventException("orderId must be a UUID");
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

    private static String header(IncomingKafkaRecord<String, String> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
