package dev.outboxstock.order.service;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.LineStatus;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.outbox.EventIds;
import dev.outboxstock.outbox.OutboxWriter;
import dev.outboxstock.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What order-service asks of inventory, through the outbox: one event per line, keyed by product id. A request's id
 * is derived from its order line and kind (a line is taken once and given back at most once), so asking again sends
 * the same event, and inventory applies it once.
 */
@ApplicationScoped
public class StockRequests {

    private final OutboxWriter outbox;

    public StockRequests(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void takeStockFor(CustomerOrder order, Optional<String> traceparent) {
        for (OrderLine line : order.lines()) {
            outbox.append(decrease(order.id(), line, traceparent));
        }
    }

    void giveStockBack(UUID orderId, List<OrderLine> lines) {
        for (OrderLine line : lines) {
            outbox.append(release(orderId, line));
        }
    }

    /** Sends the request a line waits on again, with its own id: inventory answers it, or answers again. */
    void askAgain(UUID orderId, OrderLine line) {
        outbox.appendAgain(
                line.status() == LineStatus.RELEASE_REQUESTED
                        ? release(orderId, line)
                        : decrease(orderId, line, Optional.empty()));
    }

    private static OutgoingEvent decrease(UUID orderId, OrderLine line, Optional<String> traceparent) {
        return new OutgoingEvent(
                EventIds.derive(StockDecreaseRequested.TYPE, orderId, line.productId()),
                StockTopic.AGGREGATE_TYPE,
                line.productId(),
                StockDecreaseRequested.TYPE,
                new StockDecreaseRequested(orderId, line.productId(), line.quantity()),
                traceparent);
    }

    private static OutgoingEvent release(UUID orderId, OrderLine line) {
        return OutgoingEvent.of(
                EventIds.derive(StockReleaseRequested.TYPE, orderId, line.productId()),
                StockTopic.AGGREGATE_TYPE,
                line.productId(),
                StockReleaseRequested.TYPE,
                new StockReleaseRequested(orderId, line.productId(), line.quantity()));
    }
}
