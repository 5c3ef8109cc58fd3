package dev.outboxstock.consumer.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outboxstock.consumer.ContractDecoder;
import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.InvalidEventException;
import dev.outboxstock.consumer.RecordDecoder;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.Map;

/** Decodes the ledger's records as each service decodes its topic's: against the payload's constraints, keyed by account. */
@ApplicationScoped
public class LedgerDecoder implements RecordDecoder<DecodedEvent<LedgerEntry>> {

    private final ContractDecoder<LedgerEntry> decoder;

    public LedgerDecoder(ObjectMapper objectMapper, Validator validator) {
        this.decoder = new ContractDecoder<>(
                objectMapper, validator, Map.of(LedgerEntry.TYPE, LedgerEntry.class), LedgerEntry::account, "account");
    }

    @Override
    public DecodedEvent<LedgerEntry> decode(IncomingKafkaRecord<String, String> record) throws InvalidEventException {
        return decoder.decode(record);
    }
}
