package dev.outboxstock.inventory.service;

import dev.outboxstock.consumer.Inbox;
import dev.outboxstock.inventory.domain.MovementKind;
import dev.outboxstock.inventory.domain.Product;
import dev.outboxstock.inventory.domain.StockMovement;
import dev.outboxstock.inventory.repository.ProductRepository;
import dev.outboxstock.inventory.repository.ProductRepository.LevelChange;
import dev.outboxstock.inventory.repository.StockMovementRepository;
import dev.outboxstock.outbox.OutboxWriter;
import dev.outboxstock.outbox.OutgoingEvent;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies stock events exactly once in effect and never lets stock go below zero, a batch at a time. A batch's
 * claims, stock changes, history lines and answers for order-service commit in one transaction, in a handful of
 * statements whatever its size. A request that arrives again changes nothing and is answered again as the first time:
 * order-service may be asking because it never got the answer. Within the inbox's retention its claim tells it came
 * before; after it, its recorded movement does (one per event and kind), however late the copy comes. Every change of
 * a level (a batch's, once per product it changed; an operator's) writes the new level to the outbox in the same
 * transaction ({@link StockLevels}).
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

    /**
     * Applies the changes in the given order (per product, the order of its partition), in one transaction.
     *
     * @return what each change did, in the same order
     */
    @Transactional
    public List<StockResult> apply(List<StockChange> changes) {
        Set<UUID> claimed = inbox.claim(changes.stream().map(StockChange::claim).toList());
        Set<UUID> seen = new HashSet<>();
        Set<StockChange> firstArrivals = new LinkedHashSet<>();
        Set<UUID> arrivedBefore = new HashSet<>();
        for (StockChange change : changes) {
            if (claimed.contains(change.eventId())) {
                // A second copy within the batch is answered by the first.
                if (seen.add(change.eventId())) {
                    firstArrivals.add(change);
                }
            } else {
                arrivedBefore.add(change.eventId());
            }
        }
        Map<String, Integer> levels = lockLevels(firstArrivals);
        while (true) {
            StockLedger ledger = new StockLedger(levels);
            List<StockResult> results = applyFirstArrivals(changes, firstArrivals, ledger);
            Set<UUID> appliedBefore = movements.insertUnlessRecorded(ledger.movements());
            if (appliedBefore.isEmpty()) {
                List<LevelChange> levelChanges = ledger.changedLevels();
                products.writeLevels(levelChanges);
                List<OutgoingEvent> events = new ArrayList<>(ledger.answers());
                levelChanges.forEach(changed -> events.add(StockLevels.of(changed.productId(), changed.available())));
                outbox.append(events);
                answerAgain(arrivedBefore);
                return results;
            }
            // Claimed, yet applied before: copies that came back after the inbox forgot their ids (from a redrive or a
            // restore; rare). Nothing was written: the batch is applied again without them, and they are answered
            // again.
            firstArrivals.removeIf(change -> appliedBefore.contains(change.eventId()));
            arrivedBefore.addAll(appliedBefore);
        }
    }

    /** An operator sets the level of a product, creating it if it is new. */
    @Transactional
    public Product setAvailable(String productId, int available) {
        int level = products.setAvailable(productId, available);
        movements.persist(StockMovement.applied(null, productId, null, MovementKind.SET, available, level));
        outbox.append(List.of(StockLevels.of(productId, level)));
        return products.findById(productId);
    }

    @Transactional
    public Optional<Product> findProduct(String productId) {
        return products.findByIdOptional(productId);
    }

    /** A page of the product's stock history, newest first; empty when there is no such product. */
    @Transactional
    public Optional<List<StockMovement>> movementsOf(String productId, int page, int size) {
        return products.findByIdOptional(productId).map(product -> movements.pageOf(productId, page, size));
    }

    @Transactional
    public List<Product> listProducts(int page, int size) {
        return products.page(page, size);
    }

    /** Applies the first arrivals to the ledger, in the order of the changes; every other change is a duplicate. */
    private static List<StockResult> applyFirstArrivals(
            List<StockChange> changes, Set<StockChange> firstArrivals, StockLedger ledger) {
        List<StockResult> results = new ArrayList<>();
        for (StockChange change : changes) {
            // In the span of the change's own record: the answer it gives carries that record's trace on.
            try (Scope work = change.source().span().makeCurrent()) {
                results.add(firstArrivals.contains(change) ? ledger.apply(change) : StockResult.DUPLICATE);
            }
        }
        return results;
    }

    /**
     * Locks the products the changes touch and returns the levels of those that existed. A product that a change
     * gives units to is created first, so that it can be locked too, yet counts as unknown until that change.
     */
    private Map<String, Integer> lockLevels(Collection<StockChange> changes) {
        Set<String> touched = new TreeSet<>();
        Set<String> receivingUnits = new TreeSet<>();
        for (StockChange change : changes) {
            touched.add(change.productId());
            if (change.addsUnits()) {
                receivingUnits.add(change.productId());
            }
        }
        Set<String> created = receivingUnits.isEmpty() ? Set.of() : products.createMissing(receivingUnits);
        Map<String, Integer> levels = touched.isEmpty() ? Map.of() : products.lockLevels(touched);
        levels.keySet().removeAll(created);
        return levels;
    }

    /** Sends again the answers the first arrivals of these requests got, with the same ids. */
    private void answerAgain(Set<UUID> requestIds) {
        List<OutgoingEvent> answers = movements.findByEventIds(requestIds).stream()
                .map(StockAnswers::recordedIn)
                .flatMap(Optional::stream)
                .toList();
        outbox.appendAgain(answers);
    }
}
