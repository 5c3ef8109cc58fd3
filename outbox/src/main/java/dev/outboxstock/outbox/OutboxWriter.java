package dev.outboxstock.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Appends events to the outbox table. It joins the caller's transaction and refuses to run without one: an event
 * is published exactly when the change it describes commits, never alone. It refuses events while its relay's
 * replication slot is missing or lost: they could never be relayed.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final OutboxConfig config;
    private final RelaySlotWatch slotWatch;

    public OutboxWriter(
            EntityManager entityManager, ObjectMapper objectMapper, OutboxConfig config, RelaySlotWatch slotWatch) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.slotWatch = slotWatch;
    }

    /** @throws OutboxNotReadyException while the relay's slot is missing or lost */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutgoingEvent event) {
        slotWatch.requireUsable();
        OutboxEvent row = new OutboxEvent(
                event.id(),
                event.aggregateType(),
                event.aggregateId(),
                event.type(),
                toJson(event.payload()),
                event.traceparent().orElse(null));
        entityManager.persist(row);
        if (config.deleteAfterInsert()) {
            // The INSERT must reach the write-ahead log before the DELETE; both commit with the caller.
            entityManager.flush();
            entityManager.remove(row);
        }
    }

    /**
     * Publishes an event again under its own id, for a consumer that may never have received it: one that did drops
     * the copy. The row a retention period keeps is replaced, so that the relay sees a new insert.
     *
     * @throws OutboxNotReadyException while the relay's slot is missing or lost
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAgain(OutgoingEvent event) {
        entityManager
                .createQuery("delete from OutboxEvent where id = :id")
                .setParameter("id", event.id())
                .executeUpdate();
        append(event);
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }
}
