package dev.outboxstock.inventory.service;

import dev.outboxstock.consumer.UnappliableEventException;
import dev.outboxstock.contract.StockDecreaseRejected.RejectionReason;
import dev.outboxstock.inventory.domain.StockMovement;
import dev.outboxstock.inventory.repository.ProductRepository.LevelChange;
import dev.outboxstock.outbox.OutgoingEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's stock changes applied in memory, one after the other, to the levels locked for the batch: each change
 * sees the levels the changes before it left (a refused decrease leaves them as they were). What it collects is
 * written back set-based: the new levels, a movement per change, the answers for order-service.
 */
final class StockLedger {

    /** The level of every product the batch touches that exists; a product not here is unknown. */
    private final Map<String, Integer> levels;

    private final Map<String, Integer> appliedChanges = new HashMap<>();
    private final List<StockMovement> movements = new ArrayList<>();
    private final List<OutgoingEvent> answers = new ArrayList<>();

    StockLedger(Map<String, Integer> levels) {
        this.levels = new HashMap<>(levels);
    }

    StockResult apply(StockChange change) {
        return switch (change.kind()) {
            case DECREASE -> decrease(change);
            case RELEASE, REPLENISH -> add(change);
            case SET -> throw new IllegalArgumentException("An operator's change is not an event");
        };
    }

    /** Takes the units if that many are available; otherwise refuses, and the level stays. */
    private StockResult decrease(StockChange change) {
        UUID orderId = change.orderId().orElseThrow();
        Integer level = levels.get(change.productId());
        if (level == null || level < change.quantity()) {
            RejectionReason reason =
                    level == null ? RejectionReason.UNKNOWN_PRODUCT : RejectionReason.INSUFFICIENT_STOCK;
            movements.add(StockMovement.rejected(
                    change.eventId(), change.productId(), orderId, change.kind(), change.quantity(), reason.name()));
            answers.add(StockAnswers.refused(change.eventId(), orderId, change.productId(), change.quantity(), reason));
            return StockResult.REJECTED;
        }
        applied(change, level - change.quantity());
        answers.add(StockAnswers.decreased(change.eventId(), orderId, change.productId(), change.quantity()));
        return StockResult.APPLIED;
    }

    /**
     * Adds units; a product inventory does not know is created with them. A release always succeeds and always
     * answers, so that the line never waits: its units exist whether or not inventory still knows the product.
     */
    private StockResult add(StockChange change) {
        int level;
        try {
            level = Math.addExact(levels.getOrDefault(change.productId(), 0), change.quantity());
        } catch (ArithmeticException tooMany) {
            throw new UnappliableEventException(
                    "Stock of " + change.productId() + " would exceed " + Integer.MAX_VALUE + " units", tooMany);
        }
        applied(change, level);
        change.orderId()
                .ifPresent(orderId -> answers.add(
                        StockAnswers.released(change.eventId(), orderId, change.productId(), change.quantity())));
        return StockResult.APPLIED;
    }

    private void applied(StockChange change, int level) {
        levels.put(change.productId(), level);
        appliedChanges.merge(change.productId(), 1, Integer::sum);
        movements.add(StockMovement.applied(
                change.eventId(),
                change.productId(),
                change.orderId().orElse(null),
                change.kind(),
                change.quantity(),
                level));
    }

    /** The new level of every product that changed, and how many changes it took. */
    List<LevelChange> changedLevels() {
        return appliedChanges.entrySet().stream()
                .map(changed -> new LevelChange(changed.getKey(), levels.get(changed.getKey()), changed.getValue()))
                .toList();
    }

    List<StockMovement> movements() {
        return movements;
    }

    List<OutgoingEvent> answers() {
        return answers;
    }
}
