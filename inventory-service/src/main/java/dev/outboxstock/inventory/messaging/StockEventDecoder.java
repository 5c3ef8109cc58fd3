package dev.outboxstock.inventory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.consumer.ContractDecoder;
import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.InvalidEventException;
import dev.outboxstock.consumer.RecordDecoder;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockEvent;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.inventory.service.StockChange;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * Turns a record of the stock topic into the change inventory applies, or says precisely why it cannot. Its key
 * must be the product id: otherwise the record may have broken the per-product order.
 */
@ApplicationScoped
public class StockEventDecoder implements RecordDecoder<StockChange> {

    private final ContractDecoder<StockEvent> decoder;

    public StockEventDecoder(ObjectMapper objectMapper, Validator validator) {
        this.decoder =
                new ContractDecoder<>(objectMapper, validator, StockTopic.EVENTS, StockEvent::productId, "product id");
    }

    @Override
    public StockChange decode(IncomingKafkaRecord<String, String> record) throws InvalidEventException {
        DecodedEvent<StockEvent> event = decoder.decode(record);
        StockEvent payload = event.payload();
        if (payload instanceof StockDecreaseRequested decrease) {
            return StockChange.of(event.source(), decrease);
        }
        if (payload instanceof StockReleaseRequested release) {
            return StockChange.of(event.source(), release);
        }
        return StockChange.of(event.source(), (StockReplenished) payload);
    }
}
