package dev.outboxstock.inventory.service;

import dev.outboxstock.contract.StockDecreaseRejected;
import dev.outboxstock.contract.StockDecreaseRejected.RejectionReason;
import dev.outboxstock.contract.StockDecreased;
import dev.outboxstock.contract.StockOutcome;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockReleased;
import dev.outboxstock.inventory.domain.MovementKind;
import dev.outboxstock.inventory.domain.MovementOutcome;
import dev.outboxstock.inventory.domain.StockMovement;
import dev.outboxstock.outbox.EventIds;
import dev.outboxstock.outbox.OutgoingEvent;
import java.util.Optional;
import java.util.UUID;

/**
 * The outcomes inventory answers order-service's requests with. An answer's id is derived from the request it
 * answers, so that answering the same request again (when it arrives again) sends the same event, which
 * order-service applies once. Keyed by the order, so that an order's outcomes stay in order.
 */
final class StockAnswers {

    private StockAnswers() {}

    static OutgoingEvent decreased(UUID requestId, UUID orderId, String productId, int quantity) {
        return answer(requestId, StockDecreased.TYPE, new StockDecreased(orderId, productId, quantity));
    }

    static OutgoingEvent refused(UUID requestId, UUID orderId, String productId, int quantity, RejectionReason reason) {
        return answer(
                requestId, StockDecreaseRejected.TYPE, new StockDecreaseRejected(orderId, productId, quantity, reason));
    }

    static OutgoingEvent released(UUID requestId, UUID orderId, String productId, int quantity) {
        return answer(requestId, StockReleased.TYPE, new StockReleased(orderId, productId, quantity));
    }

    /** The answer given to the request a movement records; none for a movement that was not an answered request. */
    static Optional<OutgoingEvent> recordedIn(StockMovement movement) {
        if (movement.eventId().isEmpty() || movement.orderId().isEmpty()) {
            return Optional.empty();
        }
        UUID requestId = movement.eventId().get();
        UUID orderId = movement.orderId().get();
        boolean applied = movement.outcome() == MovementOutcome.APPLIED;
        if (movement.kind() == MovementKind.DECREASE) {
            return Optional.of(
                    applied
                            ? decreased(requestId, orderId, movement.productId(), movement.quantity())
                            : refused(
                                    requestId,
                                    orderId,
                                    movement.productId(),
                                    movement.quantity(),
                                    RejectionReason.valueOf(movement.reason().orElseThrow())));
        }
        // A release is always applied; one refused before releases were (a product then unknown) gave nothing back.
        if (movement.kind() == MovementKind.RELEASE && applied) {
            return Optional.of(released(requestId, orderId, movement.productId(), movement.quantity()));
        }
        return Optional.empty();
    }

    private static OutgoingEvent answer(UUID requestId, String type, StockOutcome outcome) {
        return OutgoingEvent.of(
                EventIds.derive("answer", requestId),
                StockOutcomeTopic.AGGREGATE_TYPE,
                outcome.orderId().toString(),
                type,
                outcome);
    }
}
