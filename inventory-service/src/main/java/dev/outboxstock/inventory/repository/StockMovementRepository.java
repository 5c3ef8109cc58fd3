package dev.outboxstock.inventory.repository;

import dev.outboxstock.inventory.domain.StockMovement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StockMovementRepository implements PanacheRepositoryBase<StockMovement, Long> {

    /** The movement a consumed event caused; an event causes at most one. */
    public Optional<StockMovement> findByEventId(UUID eventId) {
        return find("eventId", eventId).firstResultOptional();
    }
}
