package dev.outboxstock.order.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.consumer.ContractDecoder;
import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.InvalidEventException;
import dev.outboxstock.consumer.RecordDecoder;
import dev.outboxstock.contract.StockOutcome;
import dev.outboxstock.contract.StockOutcomeTopic;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * Turns a record of the stock outcome topic into one of the contract's outcome events, or says why it cannot. The
 * key must be the order id the payload names.
 */
@ApplicationScoped
public class StockOutcomeDecoder implements RecordDecoder<DecodedEvent<StockOutcome>> {

    private final ContractDecoder<StockOutcome> decoder;

    public StockOutcomeDecoder(ObjectMapper objectMapper, Validator validator) {
        this.decoder = new ContractDecoder<>(
                objectMapper,
                validator,
                StockOutcomeTopic.EVENTS,
                outcome -> String.valueOf(outcome.orderId()),
                "order id");
    }

    @Override
    public DecodedEvent<StockOutcome> decode(IncomingKafkaRecord<String, String> record) throws InvalidEventException {
        return decoder.decode(record);
    }
}
