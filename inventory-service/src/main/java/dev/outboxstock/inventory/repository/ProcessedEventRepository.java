package dev.outboxstock.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** The log of consumed event ids that makes consumption idempotent. */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager entityManager;

    public ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event as processed by the current transaction. False when it was already processed: then the
     * caller must change nothing. A concurrent delivery of the same event waits here for the first to finish.
     */
    public boolean recordFirstDelivery(UUID eventId, String eventType) {
        return entityManager
                        .createNativeQuery("INSERT INTO processed_event (event_id, event_type) VALUES (?1, ?2)"
                                + " ON CONFLICT (event_id) DO NOTHING")
                        .setParameter(1, eventId)
                        .setParameter(2, eventType)
                        .executeUpdate()
                == 1;
    }
}
