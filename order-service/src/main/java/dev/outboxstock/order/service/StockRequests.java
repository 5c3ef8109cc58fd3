package dev.outboxstock.order.service;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What order-service asks of inventory, through the outbox: one event per line, keyed by product id. */
@ApplicationScoped
public class StockRequests {

    private final OutboxWriter outbox;

    public StockRequests(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void takeStockFor(CustomerOrder order, Optional<String> traceparent) {
        for (OrderLine line : order.lines()) {
            outbox.append(
                    StockTopic.AGGREGATE_TYPE,
                    line.productId(),
                    StockDecreaseRequested.TYPE,
                    new StockDecreaseRequested(order.id(), line.productId(), line.quantity()),
                    traceparent);
        }
    }

    void giveStockBack(UUID orderId, List<OrderLine> lines) {
        for (OrderLine line : lines) {
            outbox.append(
                    StockTopic.AGGREGATE_TYPE,
                    line.productId(),
                    StockReleaseRequested.TYPE,
                    new StockReleaseRequested(orderId, line.productId(), line.quantity()));
        }
    }
}
