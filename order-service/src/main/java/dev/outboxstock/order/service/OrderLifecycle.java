package dev.outboxstock.order.service;

import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.Inbox;
import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcome;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.order.repository.OrderRepository;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves orders on as inventory reports what it did with their stock: the saga's coordinator. Outcomes are applied
 * once each (the inbox), a batch at a time: one transaction locks the batch's orders, changes each in the order its
 * outcomes arrived, asks for any compensation, and writes each changed order once.
 */
@ApplicationScoped
public class OrderLifecycle {

    private final OrderRepository orders;
    private final Inbox inbox;
    private final StockRequests stockRequests;
    private final Clock clock;

    public OrderLifecycle(OrderRepository orders, Inbox inbox, StockRequests stockRequests, Clock clock) {
        this.orders = orders;
        this.inbox = inbox;
        this.stockRequests = stockRequests;
        this.clock = clock;
    }

    /**
     * @throws UnknownOrderException when an outcome names an order that does not exist
     * @throws dev.outboxstock.order.domain.IllegalTransitionException when an outcome does not fit its order
     */
    @Transactional
    public void apply(List<DecodedEvent<StockOutcome>> outcomes) {
        List<DecodedEvent<StockOutcome>> firstArrivals = firstArrivals(outcomes);
        Set<UUID> orderIds = new HashSet<>();
        firstArrivals.forEach(outcome -> orderIds.add(outcome.payload().orderId()));
        Map<UUID, CustomerOrder> locked = orders.lockWithLines(orderIds);
        Instant now = Instant.now(clock);
        for (DecodedEvent<StockOutcome> outcome : firstArrivals) {
            // In the span of the outcome's own record: a compensation it causes carries that record's trace on, so
            // it is asked for here, per outcome (rare: only a rejection or a late answer causes one).
            try (Scope work = outcome.source().span().makeCurrent()) {
                CustomerOrder order = Optional.ofNullable(
                                locked.get(outcome.payload().orderId()))
                        .orElseThrow(() ->
                                new UnknownOrderException(outcome.payload().orderId()));
                stockRequests.giveStockBack(applyTo(order, outcome.payload(), now));
            }
        }
    }

    /** The outcomes claimed now, each once, in the order they arrived; the others were applied before. */
    private List<DecodedEvent<StockOutcome>> firstArrivals(List<DecodedEvent<StockOutcome>> outcomes) {
        Set<UUID> claimed = new HashSet<>(inbox.claim(outcomes.stream()
                .map(outcome -> new Inbox.Claim(outcome.source(), outcome.type()))
                .toList()));
        return outcomes.stream()
                .filter(outcome -> claimed.remove(outcome.source().eventId()))
                .toList();
    }

    /** Returns the lines whose stock must now be given back. */
    private static List<OrderLine> applyTo(CustomerOrder order, StockOutcome outcome, Instant now) {
        if (outcome instanceof StockDecreased taken) {
            return order.stockTaken(taken.productId(), now);
        }
        if (outcome instanceof StockDecreaseRejected refused) {
            return order.stockRefused(refused.productId(), refused.reason().name(), now);
        }
        order.stockReleased(((StockReleased) outcome).productId(), now);
        return List.of();
    }
}
