package dev.outboxstock.order.messaging;

import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.RecordHandling;
import dev.outboxstock.contract.StockLevelTopic;
import dev.outboxstock.order.service.StockLevelView;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads inventory's published stock levels into this instance's {@link StockLevelView}, a poll at a time. The channel
 * reads the compacted topic from its beginning at every start, in a consumer group of this instance's own that commits
 * nothing (application.properties): every instance needs every product's level, and a restart rebuilds the view. A
 * record that does not decode is dead-lettered like any other and never reaches the view: a level nobody can read
 * never closes the door.
 */
@ApplicationScoped
public class StockLevelConsumer {

    private final StockLevelDecoder decoder;
    private final StockLevelView view;
    private final RecordHandling handling;

    public StockLevelConsumer(StockLevelDecoder decoder, StockLevelView view, RecordHandling handling) {
        this.decoder = decoder;
        this.view = view;
        this.handling = handling;
    }

    @Incoming(StockLevelTopic.NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return handling.handle(
                batch,
                decoder,
                levels -> view.apply(levels.stream().map(DecodedEvent::payload).toList()));
    }
}
