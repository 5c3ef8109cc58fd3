package dev.outboxstock.order.service;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.repository.IdempotencyKeyRepository;
import dev.outboxstock.order.repository.IdempotencyKeyRepository.EarlierRequest;
import dev.outboxstock.order.repository.OrderRepository;
import dev.outboxstock.order.repository.OrderSelection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Places, finds and cancels orders. Every change and the events it causes commit together or not at all. */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final StockRequests stockRequests;
    private final SoldOutCheck soldOutCheck;
    private final Clock clock;

    public OrderService(
            OrderRepository orders,
            IdempotencyKeyRepository idempotencyKeys,
            StockRequests stockRequests,
            SoldOutCheck soldOutCheck,
            Clock clock) {
        this.orders = orders;
        this.idempotencyKeys = idempotencyKeys;
        this.stockRequests = stockRequests;
        this.soldOutCheck = soldOutCheck;
        this.clock = clock;
    }

    /**
     * Places an order and asks inventory for each line's stock. With an Idempotency-Key already used for the same
     * request, returns that request's order instead; concurrent requests with one key place one order.
     *
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     * @throws SoldOutException when the stock-level view shows a line's product short: nothing is written. A retry of
     *     a request that placed its order before gets that order, whatever the view shows now.
     */
    @Transactional
    public PlacedOrder placeOrder(PlaceOrderCommand command) {
        List<String> shortOf = soldOutCheck.shortOf(command.items());
        if (!shortOf.isEmpty()
                && command.idempotencyKey()
                        .flatMap(key -> idempotencyKeys.find(command.owner(), key))
                        .isEmpty()) {
            throw soldOutCheck.refuse(shortOf);
        }
        UUID orderId = UUID.randomUUID();
        if (command.idempotencyKey().isPresent()) {
            String key = command.idempotencyKey().get();
            String fingerprint = command.fingerprint();
            Optional<EarlierRequest> earlier = idempotencyKeys.claim(command.owner(), key, fingerprint, orderId);
            if (earlier.isPresent()) {
                if (!earlier.get().requestFingerprint().equals(fingerprint)) {
                    throw new IdempotencyKeyReusedException(key);
                }
                return new PlacedOrder(
                        orders.findWithLines(earlier.get().orderId()).orElseThrow(), true);
            }
        }
        CustomerOrder order = CustomerOrder.place(orderId, command.owner(), command.items(), Instant.now(clock));
        // The requests first: sending them sets when each line is to be asked about again, which the insert writes.
        stockRequests.takeStockFor(order);
        orders.insert(order);
        return new PlacedOrder(order, false);
    }

    /** The order, if the caller may see it: its owner, or an operator. */
    @Transactional
    public Optional<CustomerOrder> findOrder(UUID id, Caller caller) {
        return orders.findWithLines(id).filter(caller::mayRead);
    }

    @Transactional
    public OrderPage listOrders(OrderSelection selection, int page, int size) {
        return new OrderPage(orders.pageWithLines(selection, page, size), orders.count(selection));
    }

    /** Orders placed since {@code since}, counted per {@code bucket} by their status now: the operators' timeline. */
    @Transactional
    public List<OrderRepository.StatusCount> timeline(Instant since, Duration bucket) {
        return orders.countByBucketAndStatus(since, bucket);
    }

    /**
     * Cancels a pending order of the caller's and gives back the stock its lines took; stock taken later is given back
     * when inventory reports it. Another customer's order is not found.
     *
     * @throws dev.outboxstock.order.domain.IllegalTransitionException when the order is confirmed or rejected
     */
    @Transactional
    public Optional<CustomerOrder> cancel(UUID id, Caller caller) {
        Optional<CustomerOrder> found = orders.findForUpdate(id).filter(caller::ownsIt);
        found.ifPresent(order -> stockRequests.giveStockBack(order.cancel(Instant.now(clock))));
        return found;
    }
}
