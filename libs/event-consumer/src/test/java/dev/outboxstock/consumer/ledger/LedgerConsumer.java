package dev.outboxstock.consumer.ledger;

import dev.outboxstock.consumer.RecordHandling;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the ledger's channels a poll at a time, exactly as the services' consumers do (inventory's
 * {@code StockEventConsumer}): the batch, the decoder and the transactional apply handed to {@link RecordHandling}.
 */
@ApplicationScoped
public class LedgerConsumer {

    private final LedgerDecoder decoder;
    private final Ledger ledger;
    private final RecordHandling handling;
    private final Deliveries deliveries;

    public LedgerConsumer(LedgerDecoder decoder, Ledger ledger, RecordHandling handling, Deliveries deliveries) {
        this.decoder = decoder;
        this.ledger = ledger;
        this.handling = handling;
        this.deliveries = deliveries;
    }

    @Incoming(LedgerTopics.ENTRIES)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return handle(LedgerTopics.ENTRIES, batch);
    }

    @Incoming(LedgerTopics.UNFILED)
    @Blocking
    public CompletionStage<Void> consumeUnfiled(KafkaRecordBatch<String, String> batch) {
        return handle(LedgerTopics.UNFILED, batch);
    }

    @Incoming(LedgerTopics.HANDOVER)
    @Blocking
    public CompletionStage<Void> consumeHandover(KafkaRecordBatch<String, String> batch) {
        return handle(LedgerTopics.HANDOVER, batch);
    }

    @Incoming(LedgerTopics.HANDOVER_SUCCESSOR)
    @Blocking
    public CompletionStage<Void> consumeAsSuccessor(KafkaRecordBatch<String, String> batch) {
        return handle(LedgerTopics.HANDOVER_SUCCESSOR, batch);
    }

    private CompletionStage<Void> handle(String channel, KafkaRecordBatch<String, String> batch) {
        deliveries.received(channel, batch);
        return handling.handle(batch, decoder, ledger::apply);
    }
}
