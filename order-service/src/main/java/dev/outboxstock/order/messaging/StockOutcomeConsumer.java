package dev.outboxstock.order.messaging;

import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.RecordHandling;
import dev.outboxstock.consumer.UnappliableEventException;
import dev.outboxstock.contract.StockOutcome;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.order.domain.IllegalTransitionException;
import dev.outboxstock.order.service.OrderLifecycle;
import dev.outboxstock.order.service.UnknownOrderException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes inventory's outcomes a poll at a time, each poll in one transaction. They are keyed by order id, so all
 * outcomes of one order arrive in one partition, in order. An outcome the order cannot take (no such order, no such
 * line, a change its state does not allow) can never be applied: it is dead-lettered; any other failure is retried.
 */
@ApplicationScoped
public class StockOutcomeConsumer {

    private final StockOutcomeDecoder decoder;
    private final OrderLifecycle lifecycle;
    private final RecordHandling handling;

    public StockOutcomeConsumer(StockOutcomeDecoder decoder, OrderLifecycle lifecycle, RecordHandling handling) {
        this.decoder = decoder;
        this.lifecycle = lifecycle;
        this.handling = handling;
    }

    @Incoming(StockOutcomeTopic.NAME)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return handling.handle(batch, decoder, this::apply);
    }

    private void apply(List<DecodedEvent<StockOutcome>> outcomes) {
        try {
            lifecycle.apply(outcomes);
        } catch (IllegalTransitionException | UnknownOrderException doesNotFit) {
            throw new UnappliableEventException(doesNotFit.getMessage(), doesNotFit);
        }
    }
}
