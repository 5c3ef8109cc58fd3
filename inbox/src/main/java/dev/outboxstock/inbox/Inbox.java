package dev.outboxstock.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The log of consumed event ids that makes consumption idempotent: claim an event in the transaction that applies
 * it, and apply it only if the claim succeeds.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims the event for the current transaction. False when it was processed before: then the caller must change
     * nothing. A concurrent delivery of the same event (during a rebalance) waits here until the first commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(EventSource source, String eventType) {
        return entityManager
                        .createNativeQuery(
                                "INSERT INTO processed_event (event_id, event_type, source_partition, source_offset)"
                                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id) DO NOTHING")
                        .setParameter(1, source.eventId())
                        .setParameter(2, eventType)
                        .setParameter(3, source.partition())
                        .setParameter(4, source.offset())
                        .executeUpdate()
                == 1;
    }
}
