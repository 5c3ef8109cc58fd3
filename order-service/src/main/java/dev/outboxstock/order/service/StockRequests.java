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
import java.time.Instant;
import java.util.List;

/**
 * What order-service asks of inventory, through the outbox: one event per line, keyed by product id. A request's id
 * is derived from its order line and kind (a line is taken once and given back at most once), so asking again sends
 * the same event, and inventory applies it once. Each line sent records when it is to be asked about again.
 */
@ApplicationScoped
public class StockRequests {

    private final OutboxWriter outbox;
    private final AskAgainSchedule askAgain;

    public StockRequests(OutboxWriter outbox, AskAgainSchedule askAgain) {
        this.outbox = outbox;
        this.askAgain = askAgain;
    }

    /** Each request carries the trace of the work it is part of (the POST's server span). */
    void takeStockFor(CustomerOrder order) {
        outbox.append(order.lines().stream().map(StockRequests::decrease).toList());
        order.lines().forEach(line -> sent(line, line.requestedAt()));
    }

    /** Asks inventory to give back what these lines took; they may belong to several orders. */
    void giveStockBack(List<OrderLine> lines) {
        outbox.append(lines.stream().map(StockRequests::release).toList());
        lines.forEach(line -> sent(line, line.requestedAt()));
    }

    /** Sends the requests these lines wait on again, with their own ids: inventory answers them, or answers again. */
    void askAgain(List<OrderLine> lines, Instant now) {
        outbox.appendAgain(lines.stream()
                .map(line -> line.status() == LineStatus.RELEASE_REQUESTED ? release(line) : decrease(line))
                .toList());
        lines.forEach(line -> sent(line, now));
    }

    private void sent(OrderLine line, Instant sentAt) {
        line.requestSent(askAgain.nextAsk(line, sentAt));
    }

    private static OutgoingEvent decrease(OrderLine line) {
        return request(
                line,
                StockDecreaseRequested.TYPE,
                new StockDecreaseRequested(line.orderId(), line.productId(), line.quantity()));
    }

    private static OutgoingEvent release(OrderLine line) {
        return request(
                line,
                StockReleaseRequested.TYPE,
                new StockReleaseRequested(line.orderId(), line.productId(), line.quantity()));
    }

    /**
     * A request about the line's product, keyed by it (inventory applies one product's requests in order), with an id
     * derived from the type, order and product: asked again, it is the same event.
     */
    private static OutgoingEvent request(OrderLine line, String type, Object payload) {
        return OutgoingEvent.of(
                EventIds.derive(type, line.orderId(), line.productId()),
                StockTopic.AGGREGATE_TYPE,
                line.productId(),
                type,
                payload);
    }
}
