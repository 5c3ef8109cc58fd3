package dev.outboxstock.order.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.consumer.ContractDecoder;
import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.InvalidEventException;
import dev.outboxstock.consumer.RecordDecoder;
import dev.outboxstock.contract.StockLevel;
import dev.outboxstock.contract.StockLevelTopic;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * Turns a record of the stock-level topic into the contract's {@link StockLevel}, or says why it cannot. The key must
 * be the product id the payload names: a level under another key would be the wrong product's.
 */
@ApplicationScoped
public class StockLevelDecoder implements RecordDecoder<DecodedEvent<StockLevel>> {

    private final ContractDecoder<StockLevel> decoder;

    public StockLevelDecoder(ObjectMapper objectMapper, Validator validator) {
        this.decoder = new ContractDecoder<>(
                objectMapper, validator, StockLevelTopic.EVENTS, StockLevel::productId, "product id");
    }

    @Override
    public DecodedEvent<StockLevel> decode(IncomingKafkaRecord<String, String> record) throws InvalidEventException {
        return decoder.decode(record);
    }
}
