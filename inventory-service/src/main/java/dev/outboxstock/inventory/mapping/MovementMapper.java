package dev.outboxstock.inventory.mapping;

import dev.outboxstock.inventory.domain.StockMovement;
import dev.outboxstock.inventory.rest.MovementResponse;

/** Maps stock movements to what the API shows. */
public final class MovementMapper {

    private MovementMapper() {}

    public static MovementResponse toResponse(StockMovement movement) {
        return new MovementResponse(
                movement.id(),
                movement.eventId().orElse(null),
                movement.orderId().orElse(null),
                movement.kind(),
                movement.quantity(),
                movement.outcome(),
                movement.reason().orElse(null),
                movement.availableAfter().orElse(null),
                movement.recordedAt());
    }
}
