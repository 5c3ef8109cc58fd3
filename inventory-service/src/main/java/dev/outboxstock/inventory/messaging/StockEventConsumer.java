package dev.outboxstock.inventory.messaging;

import dev.outboxstock.consumer.RecordHandling;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.inventory.service.StockChange;
import dev.outboxstock.inventory.service.StockResult;
import dev.outboxstock.inventory.service.StockService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the stock topic a poll at a time. Each copy of the channel (its {@code concurrency} setting) is one
 * consumer of the group; it applies the records of each poll in one transaction, in offset order per partition, and
 * polls again once they are committed. Copies work in parallel. What happens to invalid records and failures is
 * {@link RecordHandling}'s job.
 */
@ApplicationScoped
public class StockEventConsumer {

    private final StockEventDecoder decoder;
    private final StockService stockService;
    private final RecordHandling handling;
    private final StockEventMetrics metrics;

    public StockEventConsumer(
            StockEventDecoder decoder, StockService stockService, RecordHandling handling, StockEventMetrics metrics) {
        this.decoder = decoder;
        this.stockService = stockService;
        this.handling = handling;
        this.metrics = metrics;
    }

    @Incoming(StockTopic.NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return handling.handle(batch, decoder, this::apply);
    }

    private void apply(List<StockChange> changes) {
        List<StockResult> results = stockService.apply(changes);
        for (int i = 0; i < changes.size(); i++) {
            metrics.consumed(changes.get(i).eventType(), results.get(i));
        }
    }
}
