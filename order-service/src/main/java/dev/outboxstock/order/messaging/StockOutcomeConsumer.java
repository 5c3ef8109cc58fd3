package dev.outboxstock.order.messaging;

import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcome;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.inbox.RecordHandling;
import dev.outboxstock.inbox.UnappliableEventException;
import dev.outboxstock.order.domain.IllegalTransitionException;
import dev.outboxstock.order.service.OrderLifecycle;
import dev.outboxstock.order.service.UnknownOrderException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes inventory's outcomes. They are keyed by order id, so all outcomes of one order arrive in one partition,
 * in order, and are applied one at a time. An outcome the order cannot take (no such order, no such line, a change
 * its state does not allow) can never be applied: it is dead-lettered; any other failure is retried.
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
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        return handling.handle(record, decoder, this::apply);
    }

    private void apply(DecodedStockOutcome outcome) {
        try {
            applyPayload(outcome);
        } catch (IllegalTransitionException | UnknownOrderException doesNotFit) {
            throw new UnappliableEventException(doesNotFit.getMessage(), doesNotFit);
        }
    }

    private void applyPayload(DecodedStockOutcome outcome) {
        StockOutcome payload = outcome.payload();
        if (payload instanceof StockDecreased taken) {
            lifecycle.stockTaken(outcome.source(), taken);
        } else if (payload instanceof StockDecreaseRejected refused) {
            lifecycle.stockRefused(outcome.source(), refused);
        } else if (payload instanceof StockReleased released) {
            lifecycle.stockReleased(outcome.source(), released);
        }
    }
}
