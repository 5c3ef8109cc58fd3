package dev.outboxstock.order.service;

import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.inbox.EventSource;
import dev.outboxstock.inbox.Inbox;
import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.repository.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Moves orders on as inventory reports what it did with their stock: the saga's coordinator. Each outcome is
 * applied once (the inbox), in the transaction that changes the order and asks for any compensation.
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

    @Transactional
    public void stockTaken(EventSource source, StockDecreased outcome) {
        if (inbox.claim(source, StockDecreased.TYPE)) {
            CustomerOrder order = lockedOrder(outcome.orderId());
            stockRequests.giveStockBack(order.id(), order.stockTaken(outcome.productId(), now()));
        }
    }

    @Transactional
    public void stockRefused(EventSource source, StockDecreaseRejected outcome) {
        if (inbox.claim(source, StockDecreaseRejected.TYPE)) {
            CustomerOrder order = lockedOrder(outcome.orderId());
            stockRequests.giveStockBack(
                    order.id(),
                    order.stockRefused(outcome.productId(), outcome.reason().name(), now()));
        }
    }

    @Transactional
    public void stockReleased(EventSource source, StockReleased outcome) {
        if (inbox.claim(source, StockReleased.TYPE)) {
            lockedOrder(outcome.orderId()).stockReleased(outcome.productId(), now());
        }
    }

    private CustomerOrder lockedOrder(UUID orderId) {
        return orders.findForUpdate(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
