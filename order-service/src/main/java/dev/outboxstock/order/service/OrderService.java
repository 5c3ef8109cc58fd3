package dev.outboxstock.order.service;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.order.domain.ProductQuantity;
import dev.outboxstock.order.repository.OrderRepository;
import dev.outboxstock.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Places orders: the order, its lines and one stock request per line commit together or not at all. */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final OutboxWriter outbox;
    private final Clock clock;

    public OrderService(OrderRepository orders, OutboxWriter outbox, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public CustomerOrder placeOrder(List<ProductQuantity> items) {
        CustomerOrder order = CustomerOrder.place(items, Instant.now(clock));
        orders.persist(order);
        for (OrderLine line : order.lines()) {
            outbox.append(
                    StockTopic.AGGREGATE_TYPE,
                    line.productId(),
                    StockDecreaseRequested.TYPE,
                    new StockDecreaseRequested(order.id(), line.productId(), line.quantity()));
        }
        return order;
    }

    @Transactional
    public Optional<CustomerOrder> findOrder(UUID id) {
        return orders.findWithLines(id);
    }
}
