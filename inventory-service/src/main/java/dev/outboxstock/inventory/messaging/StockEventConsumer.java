package dev.outboxstock.inventory.messaging;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.inbox.RecordHandling;
import dev.outboxstock.inventory.service.StockResult;
import dev.outboxstock.inventory.service.StockService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the stock topic. Each copy of the channel (its {@code concurrency} setting) is one consumer of the
 * group and handles its partitions one record at a time, in order; copies work in parallel. What happens to
 * invalid records and failures is {@link RecordHandling}'s job.
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
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        return handling.handle(record, decoder::decode, this::apply);
    }

    private void apply(DecodedStockEvent event) {
        metrics.consumed(event.payload().getClass(), applyPayload(event));
    }

    private StockResult applyPayload(DecodedStockEvent event) {
        Object payload = event.payload();
        if (payload instanceof StockDecreaseRequested decrease) {
            return stockService.decrease(event.source(), decrease);
        }
        if (payload instanceof StockReleaseRequested release) {
            return stockService.release(event.source(), release);
        }
        if (payload instanceof StockReplenished replenishment) {
            return stockService.replenish(event.source(), replenishment);
        }
        throw new IllegalStateException("No handler for " + payload.getClass());
    }
}
