package dev.outboxstock.inventory.messaging;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.inventory.service.StockResult;
import dev.outboxstock.inventory.service.StockService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the stock topic. Each copy of the channel (its {@code concurrency} setting) is one consumer of the
 * group and handles its partitions one record at a time, in order; copies work in parallel. A record is acknowledged, and its
 * offset later committed, only after its database transaction committed. An invalid record is dead-lettered with
 * the reason, and the partition keeps flowing.
 */
@ApplicationScoped
public class StockEventConsumer {

    private static final Logger LOG = Logger.getLogger(StockEventConsumer.class);

    private final StockEventDecoder decoder;
    private final StockService stockService;
    private final TransientFailureRetry retry;
    private final StockEventMetrics metrics;

    public StockEventConsumer(
            StockEventDecoder decoder,
            StockService stockService,
            TransientFailureRetry retry,
            StockEventMetrics metrics) {
        this.decoder = decoder;
        this.stockService = stockService;
        this.retry = retry;
        this.metrics = metrics;
    }

    @Incoming(StockTopic.NAME)
    @Blocking
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        DecodedStockEvent event;
        try {
            event = decoder.decode(record);
        } catch (InvalidStockEventException invalid) {
            return deadLetter(record, invalid);
        }
        try {
            StockResult result = retry.call(() -> apply(event));
            metrics.consumed(event.payload().getClass(), result);
            return record.ack();
        } catch (ShutdownInProgressException stopping) {
            // Neither acknowledged nor dead-lettered: the offset stays uncommitted and the event is delivered again.
            return new CompletableFuture<>();
        } catch (RuntimeException failure) {
            return deadLetter(record, failure);
        }
    }

    private StockResult apply(DecodedStockEvent event) {
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

    private CompletionStage<Void> deadLetter(IncomingKafkaRecord<String, String> record, Throwable reason) {
        LOG.warnf(
                "Dead-lettering %s-%d@%d: %s",
                record.getTopic(), record.getPartition(), record.getOffset(), reason.getMessage());
        metrics.deadLettered();
        return record.nack(reason);
    }
}
