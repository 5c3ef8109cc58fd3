package dev.outboxstock.inventory.service;

import dev.outboxstock.contract.StockDecreaseRejected.RejectionReason;
import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.contract.StockReleaseRequested;
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
 * change, its history line and the answer for order-service commit in one transaction. A request that arrives again
 * changes nothing and is answered again as the first time: order-service may be asking because it never got the
 * answer.
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
            return answerAgain(source);
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
            outbox.append(StockAnswers.decreased(
                    source.eventId(), request.orderId(), request.productId(), request.quantity()));
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
        outbox.append(StockAnswers.refused(
                source.eventId(), request.orderId(), request.productId(), request.quantity(), reason));
        return StockResult.REJECTED;
    }

    /**
     * Gives a line's units back. They exist whether or not inventory still knows the product, so a product that is
     * gone is created again with them: a release always succeeds, and always answers, so the line never waits.
     */
    @Transactional
    public StockResult release(EventSource source, StockReleaseRequested request) {
        if (!inbox.claim(source, StockReleaseRequested.TYPE)) {
            return answerAgain(source);
        }
        int level = products.add(request.productId(), request.quantity());
        movements.persist(StockMovement.applied(
                source.eventId(),
                request.productId(),
                request.orderId(),
                MovementKind.RELEASE,
                request.quantity(),
                level));
        outbox.append(
                StockAnswers.released(source.eventId(), request.orderId(), request.productId(), request.quantity()));
        return StockResult.APPLIED;
    }

    @Transactional
    public StockResult replenish(EventSource source, StockReplenished replenishment) {
        if (!inbox.claim(source, StockReplenished.TYPE)) {
            return StockResult.DUPLICATE;
        }
        int level = products.add(replenishment.productId(), replenishment.quantity());
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

    /** Sends again the answer the first arrival of a request got, with the same id. */
    private StockResult answerAgain(EventSource request) {
        movements
                .findByEventId(request.eventId())
                .flatMap(StockAnswers::recordedIn)
                .ifPresent(outbox::appendAgain);
        return StockResult.DUPLICATE;
    }
}
