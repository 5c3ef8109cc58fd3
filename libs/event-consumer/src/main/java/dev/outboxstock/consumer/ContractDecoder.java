package dev.outboxstock.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a consumed record into a payload of the event contract, or says precisely why it cannot: the event id and
 * type headers, a JSON object of the type's record, the constraints declared on that record, and a key that is what
 * the payload says it must be (or the record may have broken the order its key keeps). Reading is tolerant of fields
 * a newer producer adds.
 *
 * @param <P> what every payload type of the topic is
 */
public final class ContractDecoder<P> implements RecordDecoder<DecodedEvent<P>> {

    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final Map<String, ObjectReader> readers;
    private final Function<P, String> expectedKey;
    private final String keyName;

    /**
     * @param payloadTypes the payload record of each event type the topic carries, by its {@code eventType} header
     * @param expectedKey the key a record carrying this payload must have
     * @param keyName what the key is, for the reason a record is refused
     */
    public ContractDecoder(
            ObjectMapper objectMapper,
            Validator validator,
            Map<String, Class<? extends P>> payloadTypes,
            Function<P, String> expectedKey,
            String keyName) {
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.readers = payloadTypes.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        type -> objectMapper
                                .readerFor(type.getValue())
                                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
        this.expectedKey = expectedKey;
        this.keyName = keyName;
    }

    @Override
    public DecodedEvent<P> decode(IncomingKafkaRecord<String, String> record) throws InvalidEventException {
        EventEnvelope envelope = EventEnvelope.of(record.getHeaders(), record.getPartition(), record.getOffset());
        ObjectReader reader = readers.get(envelope.type());
        if (reader == null) {
            throw new InvalidEventException("unknown event type " + envelope.type());
        }
        P payload = read(reader, parse(record.getPayload()), envelope.type());
        String violations = violationsOf(payload);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
        String key = expectedKey.apply(payload);
        if (!key.equals(record.getKey())) {
            throw new InvalidEventException("record key " + record.getKey() + " is not the " + keyName + " " + key);
        }
        return new DecodedEvent<>(envelope.source(), envelope.type(), payload);
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

    private P read(ObjectReader reader, JsonNode payload, String type) throws InvalidEventException {
        try {
            return reader.readValue(payload);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEventException("payload does not fit " + type + ": " + e.getMessage(), e);
        }
    }

    /** Every violated constraint, in a stable order: empty when there is none. */
    private String violationsOf(P payload) {
        Set<ConstraintViolation<P>> violations = validator.validate(payload);
        return violations.stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; "));
    }
}
