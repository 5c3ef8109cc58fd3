package dev.outboxstock.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLTransientException;

/**
 * Knows whether a logical replication slot exists in this database: from the moment it does, the slot keeps every
 * outbox insert for the relay, even one whose row is deleted at once. Once seen, a slot is assumed to stay: dropping
 * it is an operator's decision, not something that happens.
 */
@ApplicationScoped
public class ReplicationSlotGuard {

    private final EntityManager entityManager;
    private volatile boolean slotSeen;

    public ReplicationSlotGuard(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean slotExists() {
        if (!slotSeen) {
            slotSeen = (Boolean) entityManager
                    .createNativeQuery("SELECT EXISTS (SELECT 1 FROM pg_replication_slots"
                            + " WHERE database = current_database() AND slot_type = 'logical')")
                    .getSingleResult();
        }
        return slotSeen;
    }

    /** @throws OutboxNotReadyException while no slot exists */
    void requireSlot() {
        if (!slotExists()) {
            throw new OutboxNotReadyException(new SQLTransientException(
                    "No logical replication slot exists in this database yet: the outbox relay has not started"));
        }
    }
}
