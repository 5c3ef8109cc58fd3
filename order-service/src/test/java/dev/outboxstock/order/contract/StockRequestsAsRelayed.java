package dev.outboxstock.order.contract;

import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.EventSource;
import dev.outboxstock.contract.RelayedRecord;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.testing.CommittedOutbox;
import dev.outboxstock.order.OrdersDatabase;
import dev.outboxstock.order.domain.ProductQuantity;
import dev.outboxstock.order.service.Caller;
import dev.outboxstock.order.service.OrderLifecycle;
import dev.outboxstock.order.service.OrderService;
import dev.outboxstock.order.service.PlaceOrderCommand;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes order-service ask inventory for stock through its production code (placing and cancelling orders), then
 * reads the outbox row that code wrote and turns it into the record the relay publishes.
 */
final class StockRequestsAsRelayed {

    /** The customer whose orders the provider states place. */
    private static final String OWNER = "pact-customer";

    private final OrderService orders;
    private final OrderLifecycle lifecycle;
    private final CommittedOutbox outbox;

    StockRequestsAsRelayed(OrderService orders, OrderLifecycle lifecycle, OrdersDatabase database) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.outbox = new CommittedOutbox(database);
    }

    /** Places an order with one line: order-service asks for its stock. */
    UUID placeOrder(String productId, int quantity) {
        return place(List.of(new ProductQuantity(productId, quantity)));
    }

    /**
     * Places an order with this line and another, lets inventory take this line's stock, then cancels the order:
     * order-service gives back the stock this line took.
     */
    UUID cancelAfterStockTaken(String productId, int quantity) {
        UUID order = place(List.of(new ProductQuantity(productId, quantity), new ProductQuantity("still-pending", 1)));
        lifecycle.apply(List.of(new DecodedEvent<>(
                new EventSource(UUID.randomUUID(), 0, 0),
                StockDecreased.TYPE,
                new StockDecreased(order, productId, quantity))));
        orders.cancel(order, Caller.customer(OWNER));
        return order;
    }

    /** The record the relay publishes for this order's one event of this type. */
    RelayedRecord relayed(String type, UUID order) {
        return outbox.relayedForOrder(type, order);
    }

    private UUID place(List<ProductQuantity> lines) {
        return orders.placeOrder(new PlaceOrderCommand(OWNER, lines, Optional.empty()))
                .order()
                .id();
    }
}
