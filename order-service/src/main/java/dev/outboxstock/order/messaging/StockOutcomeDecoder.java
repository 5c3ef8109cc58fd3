package dev.outboxstock.order.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcome;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.inbox.EventEnvelope;
import dev.outboxstock.inbox.InvalidEventException;
import dev.outboxstock.inbox.RecordDecoder;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a record of the stock outcome topic into one of the contract's outcome events, or says why it cannot.
 * The key must be the order id the payload names.
 */
@ApplicationScoped
public class StockOutcomeDecoder implements RecordDecoder<DecodedStockOutcome> {

    private static final Map<String, Class<? extends StockOutcome>> PAYLOAD_TYPES = Map.of(
            StockDecreased.TYPE, StockDecreased.class,
            StockDecreaseRejected.TYPE, StockDecreaseRejected.class,
            StockReleased.TYPE, StockReleased.class);

    /** One reader per event type, built once: tolerant, so fields a newer producer adds do not break this consumer. */
    private final Map<String, ObjectReader> readers;

    public StockOutcomeDecoder(ObjectMapper objectMapper) {
        this.readers = PAYLOAD_TYPES.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        type -> objectMapper
                                .readerFor(type.getValue())
                                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
    }

    @Override
    public DecodedStockOutcome decode(IncomingKafkaRecord<String, String> record) throws InvalidEventException {
        EventEnvelope envelope = EventEnvelope.of(record.getHeaders(), record.getPartition(), record.getOffset());
        ObjectReader reader = readers.get(envelope.type());
        if (reader == null) {
            throw new InvalidEventException("unknown event type " + envelope.type());
        }
        if (record.getPayload() == null) {
            throw new InvalidEventException("no payload");
        }
        StockOutcome payload;
        try {
            payload = reader.readValue(record.getPayload());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not a " + envelope.type() + ": " + e.getOriginalMessage(), e);
        }
        DecodedStockOutcome outcome = new DecodedStockOutcome(envelope.source(), payload);
        validate(outcome, record.getKey());
        return outcome;
    }

    private static void validate(DecodedStockOutcome outcome, String key) throws InvalidEventException {
        UUID orderId = outcome.payload().orderId();
        if (orderId == null || outcome.payload().productId() == null) {
            throw new InvalidEventException("orderId and productId are required");
        }
        if (!orderId.toString().equals(key)) {
            throw new InvalidEventException("record key " + key + " is not the order id " + orderId);
        }
        if (outcome.payload() instanceof StockDecreaseRejected rejected && Objects.isNull(rejected.reason())) {
            throw new InvalidEventException("a rejection needs a reason");
        }
    }
}
