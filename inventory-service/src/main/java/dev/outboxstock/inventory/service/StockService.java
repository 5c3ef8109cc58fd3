package dev.outboxstock.inventory.service;

import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreaseRejected.RejectionReason;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcome;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockReleaseRequested;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.contract.StockReplenished;
import dev.outboxstock.inbox.EventSource;
import dev.outboxstock.inbox.Inbox;
import dev.outboxstock.inventory.domain.MovementKind;
import dev.outboxstock.inventory.domain.Product;
import dev.outboxstock.inventory.domain.StockMovement;
import dev.outboxstock.inventory.repository.ProductRepository;
import dev.outboxstock.inventory.repository.StockMovementRepository;
import dev.outboxstock.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Applies stock events exactly once in effect and never lets stock go below zero. Each event's claim, its stock
 * change, its history line and the outcome for order-service commit in one transaction.
 */
@ApplicationScoped
public class StockService {

    private final ProductRepository products;
    private final Inbox inbox;
    private final StockMovementRepository movements;
    private final OutboxWriter outbox;

    public StockService(
            ProductRepository products, Inbox inbox, StockMovementRepository movements, OutboxWriter outbox) {
        this.products = products;
        this.inbox = inbox;
        this.movements = movements;
        this.outbox = outbox;
    }

    @Transactional
    public StockResult decrease(EventSource source, StockDecreaseRequested request) {
        if (!inbox.claim(source, StockDecreaseRequested.TYPE)) {
            return StockResult.DUPLICATE;
        }
        Optional<Integer> level = products.decreaseIfAvailable(request.productId(), request.quantity());
        if (level.isPresent()) {
            movements.persist(StockMovement.applied(
                    source.eventId(),
                    request.productId(),
                    request.orderId(),
                    MovementKind.DECREASE,
                    request.quantity(),
                    level.get()));
            publishOutcome(
                    StockDecreased.TYPE,
                    new StockDecreased(request.orderId(), request.productId(), request.quantity()));
            return StockResult.APPLIED;
        }
        RejectionReason reason = products.findByIdOptional(request.productId()).isPresent()
                ? RejectionReason.INSUFFICIENT_STOCK
                : RejectionReason.UNKNOWN_PRODUCT;
        movements.persist(StockMovement.rejected(
                source.eventId(),
                request.productId(),
                request.orderId(),
                MovementKind.DECREASE,
                request.quantity(),
                reason.name()));
        publishOutcome(
                StockDecreaseRejected.TYPE,
                new StockDecreaseRejected(request.orderId(), request.productId(), request.quantity(), reason));
        return StockResult.REJECTED;
    }

    @Transactional
    public StockResult release(EventSource source, StockReleaseRequested request) {
        if (!inbox.claim(source, StockReleaseRequested.TYPE)) {
            return StockResult.DUPLICATE;
        }
        Optional<Integer> level = products.increase(request.productId(), request.quantity());
        if (level.isEmpty()) {
            movements.persist(StockMovement.rejected(
                    source.eventId(),
                    request.productId(),
                    request.orderId(),
                    MovementKind.RELEASE,
                    request.quantity(),
                    RejectionReason.UNKNOWN_PRODUCT.name()));
            return StockResult.REJECTED;
        }
        movements.persist(StockMovement.applied(
                source.eventId(),
                request.productId(),
                request.orderId(),
                MovementKind.RELEASE,
                request.quantity(),
                level.get()));
        publishOutcome(
                StockReleased.TYPE, new StockReleased(request.orderId(), request.productId(), request.quantity()));
        return StockResult.APPLIED;
    }

    @Transactional
    public StockResult replenish(EventSource source, StockReplenished replenishment) {
        if (!inbox.claim(source, StockReplenished.TYPE)) {
            return StockResult.DUPLICATE;
        }
        int level = products.replenish(replenishment.productId(), replenishment.quantity());
        movements.persist(StockMovement.applied(
                source.eventId(),
                replenishment.productId(),
                null,
                MovementKind.REPLENISH,
                replenishment.quantity(),
                level));
        return StockResult.APPLIED;
    }

    /** An operator sets the level of a product, creating it if it is new. */
    @Transactional
    public Product setAvailable(String productId, int available) {
        int level = products.setAvailable(productId, available);
        movements.persist(StockMovement.applied(null, productId, null, MovementKind.SET, available, level));
        return products.findById(productId);
    }

    @Transactional
    public Optional<Product> findProduct(String productId) {
        return products.findByIdOptional(productId);
    }

    @Transactional
    public List<Product> listProducts(int page, int size) {
        return products.page(page, size);
    }

    /** Keyed by the order the outcome is about, so that an order's outcomes stay in order. */
    private void publishOutcome(String type, StockOutcome outcome) {
        outbox.append(StockOutcomeTopic.AGGREGATE_TYPE, outcome.orderId().toString(), type, outcome);
    }
}
